import { quoteIdent } from '@schema-builder/schema-model/sql';
import { blogDesign } from '@schema-builder/testing/fixtures';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ProvisioningError } from './errors.ts';
import { inspectDatabase } from './inspect.ts';
import { cleanupAfterFailure, dropProvisioned, provision } from './provision.ts';
import { openTarget } from './session.ts';
import { applyDesign } from './steps/schema.ts';
import { openTestServer, type TestServer } from './test-server.test-support.ts';

let server: TestServer;
beforeAll(() => {
  server = openTestServer();
});
afterAll(async () => {
  await server?.cleanup();
});

async function failureOf(run: () => Promise<unknown>): Promise<ProvisioningError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ProvisioningError) return error;
    throw error;
  }
  throw new Error('expected a ProvisioningError');
}

describe('failures', () => {
  test('a DDL error leaves no tables, a readable reason, and cleanup removes the rest', async () => {
    const ddl = 'CREATE TABLE kept (id int);\n\nCREATE TABLE broken (id int REFERENCES missing (id));\n';
    const plan = server.plan(blogDesign, { ddl });
    const error = await failureOf(() => provision(server.session, plan));
    expect(error.code).toBe('DDL_FAILED');
    expect(error.sqlState).toBe('42P01');
    // Our words and the SQLSTATE; the server's text is the cause (for the log).
    expect(error.message).toBe(
      "the design's DDL failed: a statement was refused (syntax, a missing or duplicate object, or permissions) (SQLSTATE 42P01)",
    );
    expect(error.cause).toMatchObject({ message: 'relation "missing" does not exist' });
    expect(error.message).not.toContain(plan.password);

    const inspection = await inspectDatabase(server.session, plan.database);
    expect(inspection).toMatchObject({ exists: true, tables: [], schemaMarker: undefined });

    await cleanupAfterFailure(server.session, plan);
    const left = await server.existing();
    expect(left.databases).not.toContain(plan.database);
    expect(left.roles).not.toContain(plan.role);
  });

  test('a status check whose connection fails as it starts fails alone, leaving nothing unhandled', async () => {
    // Cancelling postgres.js's start-up query (here by a 1 ms statement_timeout; in service, by a
    // drop of the database racing the check) used to escape as an unhandled rejection.
    const database = `${server.prefix}_starts_failing`;
    await server.session.admin.unsafe(`CREATE DATABASE ${quoteIdent(database)}`);
    await server.session.admin.unsafe(`ALTER DATABASE ${quoteIdent(database)} SET statement_timeout = '1ms'`);
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const outcome = await inspectDatabase(server.session, database).then(
          () => 'inspected',
          (error: unknown) => (error instanceof ProvisioningError ? 'failed' : error),
        );
        expect(['inspected', 'failed']).toContain(outcome);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      process.off('unhandledRejection', record);
    }
    expect(unhandled).toEqual([]);
  });

  test('a syntax error names the line of the DDL', async () => {
    const plan = server.plan(blogDesign, { ddl: 'CREATE TABLE a (id int);\n\nCREATE TABLE b (id int,);\n' });
    const error = await failureOf(() => provision(server.session, plan));
    expect(error.message).toContain('at line 3 (CREATE TABLE b (id int,);)');
    expect(error.message).toContain('(SQLSTATE 42601)');
    expect(error.cause).toMatchObject({ message: expect.stringContaining('syntax error') });
    await cleanupAfterFailure(server.session, plan);
  });

  test('a database already built from another version is not overwritten', async () => {
    const plan = server.plan(blogDesign);
    await provision(server.session, plan);
    const error = await failureOf(() => applyDesign(server.session, { ...plan, version: 2 }));
    expect(error.code).toBe('VERSION_MISMATCH');
    await dropProvisioned(server.session, plan);
  });

  test('names taken by unmarked objects are neither adopted nor dropped', async () => {
    const plan = server.plan(blogDesign, { ddl: '' });
    await server.session.admin.unsafe(`CREATE ROLE ${quoteIdent(plan.role)}`);
    expect((await failureOf(() => provision(server.session, plan))).code).toBe('NOT_OURS');
    expect((await failureOf(() => cleanupAfterFailure(server.session, plan))).code).toBe('NOT_OURS');
    expect((await server.existing()).roles).toContain(plan.role);
  });

  test('an unreachable server is a readable SERVER_ERROR without the admin password', async () => {
    const adminUrl = 'postgres://admin:hunter2-admin-secret@127.0.0.1:9/postgres';
    const session = openTarget(
      { name: 'down', adminUrl },
      { instance: server.session.instance, deployment: server.session.deployment },
    );
    try {
      const error = await failureOf(() => provision(session, server.plan(blogDesign)));
      expect(error.code).toBe('SERVER_ERROR');
      expect(error.message).toBe('create role: the server refused the connection (ECONNREFUSED)');
      expect(error.message).not.toContain('hunter2');
    } finally {
      await session.close();
    }
  });
});
