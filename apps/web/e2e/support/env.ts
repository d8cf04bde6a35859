import { z } from 'zod';

/**
 * Environment of the browser tests, read once here.
 * - CHROMIUM_PATH: the Chromium to drive (default: a system one, see browser.ts).
 * - E2E_BASE_URL, E2E_TARGET_URL: set by the global setup for the test workers — where the
 *   stack under test answers, and a PostgreSQL server the tests may create databases on (the
 *   databases a user connects to, browses and imports).
 */
export const webTestEnv = z
  .object({
    CHROMIUM_PATH: z.string().optional(),
    E2E_BASE_URL: z.string().url().optional(),
    E2E_TARGET_URL: z.string().url().optional(),
  })
  .parse(process.env);

/** Hands what the global setup started to the test workers, which inherit the runner's environment. */
/** (env.ts is where the environment is read and written; the lint rule allows it here only.) */
export function publishRunState(state: { baseUrl: string; targetUrl: string }): void {
  process.env.E2E_BASE_URL = state.baseUrl;
  process.env.E2E_TARGET_URL = state.targetUrl;
}

export function runState(): { baseUrl: string; targetUrl: string } {
  const { E2E_BASE_URL: baseUrl, E2E_TARGET_URL: targetUrl } = webTestEnv;
  if (!baseUrl || !targetUrl) throw new Error('The global setup (e2e/support/global-setup.ts) did not run.');
  return { baseUrl, targetUrl };
}
