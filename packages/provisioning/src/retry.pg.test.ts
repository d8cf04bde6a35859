import { quoteIdent } from '@schema-builder/schema-model/sql';
import { blogDesign } from '@schema-builder/testing/fixtures';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inspectDatabase } from './inspect.ts';
import type { ProvisionPlan } from './plan.ts';
import { cleanupAfterFailure, dropProvisioned, provision, provisionSteps } from './provision.ts';
import { findMarked } from './reconcile.ts';
import { openTarget } from './session.ts';
import { openTestServer, type TestServer } from './test-server.test-support.ts';

let server: TestServer;
beforeAll(() => {
  server = openTestServer();
});
afterAll(async () => {
  await server?.cleanup();
});

/** A crash after `completed` steps: the steps before it ran, nothing after. */
async function crashAfter(plan: ProvisionPlan, completed: number): Promise<void> {
  for (const provisionStep of provisionSteps.slice(0, completed))
    await provisionStep.run(server.session, plan);
}

/** The design's marked databases and roles, and this run's objects named like them. */
async function objectsOf(plan: ProvisionPlan) {
  const marked = await findMarked(server.session);
  const existing = await server.existing();
  return {
    markedDatabases: marked.databases.filter((d) => d.marker.designId === plan.designId).map((d) => d.name),
    markedRoles: marked.roles.filter((r) => r.marker.designId === plan.designId).map((r) => r.name),
    databases: existing.databases.filter((name) => name === plan.database),
    roles: existing.roles.filter((name) => name === plan.role),
  };
}

// 0 … all steps: a crash after the last one is a job that finished but never reported it.
const crashPoints = Array.from(
  { length: provisionSteps.length + 1 },
  (_, completed) => [completed, provisionSteps[completed - 1]?.name ?? 'none'] as const,
);

describe('retrying after a crash', () => {
  test.each(crashPoints)(
    'after %i completed steps (last: %s) converges to one database and one role',
    async (completed) => {
      const plan = server.plan(blogDesign);
      await crashAfter(plan, completed);
      await provision(server.session, plan);
      expect(await objectsOf(plan)).toEqual({
        markedDatabases: [plan.database],
        markedRoles: [plan.role],
        databases: [plan.database],
        roles: [plan.role],
      });
      const inspection = await inspectDatabase(server.session, plan.database);
      expect(inspection.exists && inspection.tables.map((table) => table.name)).toEqual(
        blogDesign.tables.map((table) => table.name).sort(),
      );
    },
  );

  test('between CREATE DATABASE and its COMMENT, the database is still found as ours and finished', async () => {
    const plan = server.plan(blogDesign, { ddl: '' });
    await crashAfter(plan, 2);
    // The state a crash right after CREATE DATABASE leaves: the database exists, unmarked itself.
    await server.session.admin.unsafe(`COMMENT ON DATABASE ${quoteIdent(plan.database)} IS NULL`);
    expect((await objectsOf(plan)).markedDatabases).toEqual([plan.database]);
    await provision(server.session, plan);
    const marked = await findMarked(server.session);
    expect(marked.databases.find((d) => d.name === plan.database)?.marker.kind).toBe('database');
  });

  test('two workers running the same job at once converge, and two drops at once both succeed', async () => {
    const plan = server.plan(blogDesign);
    const second = openTarget(server.session.target, {
      instance: server.session.instance,
      deployment: server.session.deployment,
    });
    try {
      const outcomes = await Promise.allSettled([provision(server.session, plan), provision(second, plan)]);
      expect(
        outcomes.map((outcome) => (outcome.status === 'rejected' ? String(outcome.reason) : 'ok')),
      ).toEqual(['ok', 'ok']);
      expect(await objectsOf(plan)).toMatchObject({ databases: [plan.database], roles: [plan.role] });

      const drops = await Promise.allSettled([
        dropProvisioned(server.session, plan),
        dropProvisioned(second, plan),
      ]);
      expect(drops.map((outcome) => (outcome.status === 'rejected' ? String(outcome.reason) : 'ok'))).toEqual(
        ['ok', 'ok'],
      );
      expect(await objectsOf(plan)).toMatchObject({ databases: [], roles: [] });
    } finally {
      await second.close();
    }
  });
});

describe('cleanup after a failed attempt', () => {
  test.each(crashPoints)('after %i completed steps (last: %s) leaves nothing behind', async (completed) => {
    const plan = server.plan(blogDesign, { ddl: '' });
    await crashAfter(plan, completed);
    await cleanupAfterFailure(server.session, plan);
    await cleanupAfterFailure(server.session, plan);
    expect(await objectsOf(plan)).toEqual({ markedDatabases: [], markedRoles: [], databases: [], roles: [] });
  });
});
