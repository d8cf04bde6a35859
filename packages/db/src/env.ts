import { z } from 'zod';

/** Environment of the db package's command-line tools (migrate, drizzle-kit). */
export const dbToolsEnv = z
  .object({ DATABASE_URL: z.string().url({ message: 'DATABASE_URL must be a postgres:// URL' }) })
  .parse(process.env);
