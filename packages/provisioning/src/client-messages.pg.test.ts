import type { DataCheck } from '@schema-builder/schema-model/diff';
import { blogDesign } from '@schema-builder/testing/fixtures';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { checkMigrationData } from './data-checks.ts';
import { ProvisioningError } from './errors.ts';
import { logSafeError } from './log-safe-error.ts';
import { migrateDatabase } from './migrate.ts';
import type { ProvisionPlan } from './plan.ts';
import { cleanupAfterFailure, provision } from './provision.ts';
import { openTarget } from './session.ts';
import { openTestServer, type TestServer } from './test-server.test-support.ts';

/**
 * The error-body rule at the engine's edge: a ProvisioningError's message reaches the owner of
 * the database (the status endpoint's `lastError`), so it says what failed in our words and
 * never repeats the server's or driver's text — that may quote a row, a host or a path. The text
 * stays on `cause`, which the worker's log writes out. One case per path that wraps a driver error.
 */

let server: TestServer;
let built: ProvisionPlan;

beforeAll(async () => {
  server = openTestServer();
  built = server.plan(blogDesign, { ddl: 'CREATE TABLE posts (id int PRIMARY KEY, title text);' });
  await provision(server.session, built);
  await server.session.inDatabase(built.database, (sql) => sql`INSERT INTO posts VALUES (1, 'kept')`);
});
afterAll(async () => {
  await server?.cleanup();
});

async function failureOf(run: () => Promise<unknown>): Promise<ProvisioningError> {
  const error = await run().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ProvisioningError)) throw new Error(`expected a ProvisioningError, got ${error}`);
  return error;
}

const CASES: Array<{ name: string; code: string; fail: () => Promise<ProvisioningError> }> = [
  {
    name: 'a failing DDL',
    code: 'DDL_FAILED',
    fail: async () => {
      const plan = server.plan(blogDesign, { ddl: 'CREATE TABLE broken (id int REFERENCES missing (id));' });
      const error = await failureOf(() => provision(server.session, plan));
      await cleanupAfterFailure(server.session, plan);
      return error;
    },
  },
  {
    name: 'a refused connection',
    code: 'SERVER_ERROR',
    fail: async () => {
      const session = openTarget(
        { name: 'down', adminUrl: 'postgres://admin:secret@127.0.0.1:9/postgres' },
        { instance: server.session.instance, deployment: server.session.deployment },
      );
      try {
        return await failureOf(() => provision(session, server.plan(blogDesign)));
      } finally {
        await session.close();
      }
    },
  },
  {
    name: 'a failed migration step',
    code: 'MIGRATION_FAILED',
    fail: () =>
      failureOf(() =>
        migrateDatabase(server.session, {
          designId: built.designId,
          database: built.database,
          role: built.role,
          fromVersion: 1,
          toVersion: 2,
          steps: [{ id: 'add_not_null:posts:title', phase: 0, sql: ['ALTER TABLE ghosts ADD COLUMN x int'] }],
        }),
      ),
  },
  {
    name: "a failed check of a migration's live rows",
    code: 'SERVER_ERROR',
    fail: () => {
      const check: DataCheck = { kind: 'rows', table: 'ghosts', columns: [], description: 'rows' };
      return failureOf(() =>
        checkMigrationData(server.session, built, [{ stepId: 'drop_table:ghosts', check }]),
      );
    },
  },
];

test.each(CASES)(
  '$name: the message has no driver text; the cause and the log keep it',
  async ({ code, fail }) => {
    const error = await fail();
    expect(error.code).toBe(code);
    const cause = error.cause;
    if (!(cause instanceof Error)) throw new Error('the driver error must be kept as the cause');
    expect(cause.message.length).toBeGreaterThan(5);
    expect(error.message).not.toContain(cause.message);
    // Nor any part of it that names something: a relation, a host and port.
    for (const quoted of cause.message.match(/"[^"]+"|\d+\.\d+\.\d+\.\d+:\d+/g) ?? [])
      expect(error.message).not.toContain(quoted);
    // What the worker logs: the error with its cause chain, the driver's text included.
    expect(JSON.stringify(logSafeError(error))).toContain(JSON.stringify(cause.message).slice(1, -1));
  },
);
