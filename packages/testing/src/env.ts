import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Environment of the test suites, read once here.
 * - TEST_DATABASE_URL (or DATABASE_URL): a PostgreSQL server the tests may create databases on.
 *   Unset: the global setup starts an embedded PostgreSQL instead.
 * - CORPUS_DIR: the real-world schema corpus, default ../shared/corpus beside the repository.
 * - MARIADB_URL: a MySQL/MariaDB server (user with CREATE/DROP DATABASE) for the introspection
 *   tests; those are skipped, saying so, when it does not answer.
 * - MONGODB_URL: a MongoDB server (user that may create and drop a database) for the MongoDB
 *   introspection tests; unset, they are skipped, saying so.
 * - PATH, HOME: passed on to commands a test runs as a user would (`npx pnpm start`).
 */
export const testEnv = z
  .object({
    TEST_DATABASE_URL: z.string().url().optional(),
    DATABASE_URL: z.string().url().optional(),
    CORPUS_DIR: z.string().default(path.resolve(repoRoot, '../shared/corpus')),
    FC_NUM_RUNS: z.coerce.number().int().positive().optional(),
    MARIADB_URL: z.string().url().default('mysql://root@127.0.0.1:3306'),
    MONGODB_URL: z.string().optional(),
    PATH: z.string().default(''),
    HOME: z.string().default(''),
  })
  .parse(process.env);

export const configuredServerUrl = testEnv.TEST_DATABASE_URL ?? testEnv.DATABASE_URL;
export const embeddedTestDataDir = path.resolve(repoRoot, '.data/test-postgres');

/**
 * The environment a test gives npm, pnpm, tsc and node when it runs them as a user would: this
 * process's, less the npm_* settings a pnpm script passes down, which npm in another project
 * would take as its own.
 */
export const toolEnv: Readonly<Record<string, string | undefined>> = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)),
);
