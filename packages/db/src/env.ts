import { z } from 'zod';

const DbToolsEnvSchema = z.object({
  DATABASE_URL: z
    .string({
      message: 'is required (the API applies migrations itself at start, embedded default included)',
    })
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://'),
});

/** Environment of the db package's command-line tools (migrate); exits with a message when invalid. */
export function dbToolsEnv(): z.infer<typeof DbToolsEnvSchema> {
  const result = DbToolsEnvSchema.safeParse(process.env);
  if (result.success) return result.data;
  for (const issue of result.error.issues) console.error(`${issue.path.join('.')} ${issue.message}`);
  process.exit(1);
}
