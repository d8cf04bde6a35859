import { LOG_FORMATS, parseTargetList, type TargetServer } from '@schema-builder/provisioning';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The worker's configuration, validated once at start. Nothing else reads process.env. */
export const WorkerConfigSchema = z.object({
  /** The API the worker takes jobs from. */
  API_URL: z.url().default('http://127.0.0.1:3000'),
  /** A worker key (`pnpm --filter @schema-builder/api worker-key`); `pnpm start` makes one itself. */
  WORKER_TOKEN: z.string().min(1, 'is required (create one with the worker-key command)'),
  /** The same `name=postgres://…` list as the API's: the worker does the work on these servers. */
  PROVISION_TARGETS: z
    .string()
    .min(1, 'is required: name=postgres://admin@host/postgres, comma-separated')
    .transform((text, ctx): TargetServer[] => {
      try {
        return parseTargetList(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
        return z.NEVER;
      }
    }),
  /** Jobs run at once by this process. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** Lease renewal while a job runs; keep it well under the API's JOB_EXPIRE_SECONDS. */
  WORKER_HEARTBEAT_SECONDS: z.coerce.number().min(0.5).max(300).default(5),
  /**
   * Empty databases kept ready on each target (the warm pool): a provision job renames one
   * instead of waiting for CREATE DATABASE. Filled at start and after each provision job, in
   * the background; 0 turns the pool off (what the pool already holds stays until claimed).
   */
  WORKER_POOL_SIZE: z.coerce.number().int().min(0).max(100).default(2),
  /** How often marked databases and roles that no metadata row owns are removed; 0 turns it off. */
  RECONCILE_INTERVAL_SECONDS: z.coerce.number().min(0).max(86_400).default(30),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** `pretty` (readable lines) or `json`. Unset: pretty on a terminal, else JSON (`pnpm start` passes its own). */
  LOG_FORMAT: z.enum(LOG_FORMATS).optional(),
});

export type WorkerConfig = z.infer<typeof WorkerConfigSchema>;

/** Parses the environment; on error prints every bad variable (never its value) and exits. */
export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const result = WorkerConfigSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues
    .map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    .join('\n');
  console.error(`Invalid worker configuration:\n${problems}`);
  process.exit(1);
}
