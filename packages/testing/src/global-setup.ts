import { startEmbeddedPostgres } from '@schema-builder/db/embedded';
import type { TestProject } from 'vitest/node';
import { configuredServerUrl, embeddedTestDataDir } from './env.ts';
import { freePort } from './free-port.ts';
import './provided-context.ts';

/**
 * Vitest global setup: every test run talks to a real PostgreSQL. With TEST_DATABASE_URL or
 * DATABASE_URL set, that server; otherwise an embedded one started for the run.
 */
export default async function setup(project: TestProject) {
  if (configuredServerUrl) {
    project.provide('postgresServerUrl', configuredServerUrl);
    return;
  }
  const port = await freePort();
  const server = await startEmbeddedPostgres({ dataDir: embeddedTestDataDir, port, database: 'postgres' });
  console.log(`[tests] no TEST_DATABASE_URL/DATABASE_URL: using embedded PostgreSQL at 127.0.0.1:${port}`);
  project.provide('postgresServerUrl', server.adminUrl);
  return () => server.stop();
}
