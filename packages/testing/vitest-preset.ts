import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The one naming rule for tests that need more than their own process: the segment before
 * `.test.ts` names what. `pg` PostgreSQL (directly, or through the API or the client run
 * in-process), `mysql` MySQL/MariaDB, `mongodb` MongoDB, `rest` the API over HTTP with its
 * PostgreSQL, `e2e` the service's processes (API, worker, supervisor), `tsc` a TypeScript
 * program over the whole workspace (tens of seconds). Every other `*.test.ts` is pure: no
 * server, no database, nothing started, and fast.
 */
export const INTEGRATION_TEST_KINDS = ['pg', 'mysql', 'mongodb', 'rest', 'e2e', 'tsc'] as const;

/** `**\/*.{pg,mysql,…}.test.ts` under each root. */
function integrationTests(roots: readonly string[]): string[] {
  return roots.map((root) => `${root}/**/*.{${INTEGRATION_TEST_KINDS.join(',')}}.test.ts`);
}

export interface TestTierOptions {
  /** Folders holding tests; default `src`. */
  roots?: readonly string[];
  testTimeout?: number;
  hookTimeout?: number;
}

/**
 * A package's vitest config with the two tiers as projects: `unit` (pure tests, no global setup,
 * so no PostgreSQL is started or needed) and `integration`, the database tier (tests named for
 * what they need; the global setup gives them a real PostgreSQL). `vitest run` runs both,
 * `vitest run --project unit` the fast loop.
 */
export function testTiers({
  roots = ['src'],
  testTimeout = 30_000,
  hookTimeout = 60_000,
}: TestTierOptions = {}) {
  const all = roots.map((root) => `${root}/**/*.test.ts`);
  return defineConfig({
    test: {
      projects: [
        {
          test: {
            name: 'unit',
            include: all,
            exclude: [...configDefaults.exclude, ...integrationTests(roots)],
            // Pure files share one module graph per worker instead of a fresh one each: most of
            // this tier's time was spent re-importing zod and the model per file.
            isolate: false,
            testTimeout,
            hookTimeout,
          },
        },
        {
          test: {
            name: 'integration',
            include: integrationTests(roots),
            globalSetup: ['@schema-builder/testing/global-setup'],
            testTimeout,
            hookTimeout,
          },
        },
      ],
    },
  });
}
