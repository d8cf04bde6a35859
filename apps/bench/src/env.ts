import { z } from 'zod';

/** Benchmark settings. Unset DATABASE_URL: an embedded PostgreSQL is started for the run. */
export const benchEnv = z
  .object({
    DATABASE_URL: z.string().url().optional(),
    BENCH_DURATION_SECONDS: z.coerce.number().positive().default(10),
    BENCH_CONNECTIONS: z.coerce.number().int().positive().default(50),
  })
  .parse(process.env);
