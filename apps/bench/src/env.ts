import { z } from 'zod';

/** Benchmark settings. Unset DATABASE_URL: an embedded PostgreSQL is started for the run. */
export const benchEnv = z
  .object({
    DATABASE_URL: z.string().url().optional(),
    BENCH_DURATION_SECONDS: z.coerce.number().positive().default(10),
    BENCH_CONNECTIONS: z.coerce.number().int().positive().default(50),
    /** The bench worker's warm pool (WORKER_POOL_SIZE); 0 measures CREATE DATABASE every time. */
    BENCH_POOL_SIZE: z.coerce.number().int().min(0).max(100).default(4),
    /** Run one part alone (the others are slow or noisy on a shared machine); all when unset. */
    BENCH_ONLY: z.enum(['design', 'corpus', 'http', 'provisioning']).optional(),
    /** The real-world schema corpus (the corpus part's largest schema); default ../shared/corpus. */
    CORPUS_DIR: z.string().optional(),
  })
  .parse(process.env);
