import type { DesignDocument } from '@schema-builder/schema-model/design';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestStack, type TestStack } from './test-stack.test-support.ts';
import type { RunningWorker } from './worker.ts';

/** Evolving a provisioned database through the API: plan, checks against live rows, apply. */

let stack: TestStack;
let worker: RunningWorker | undefined;
let schemaId: string;
let version = 1;
let owner: postgres.Sql;

const people = (
  columns: DesignDocument['tables'][number]['columns'],
  extra: Partial<DesignDocument['tables'][number]> = {},
): DesignDocument => ({
  name: 'migrating people',
  tables: [{ id: 't_people', name: 'people', columns, ...extra }],
});

const idColumn = { id: 'c_id', name: 'id', dataType: 'INTEGER', primaryKey: true } as const;
const v1 = people([
  idColumn,
  { id: 'c_email', name: 'email', dataType: 'VARCHAR', length: 100, nullable: false },
  { id: 'c_name', name: 'name', dataType: 'TEXT' },
  { id: 'c_age', name: 'age', dataType: 'INTEGER' },
]);

async function saveVersion(design: DesignDocument): Promise<void> {
  const response = await stack.h.request('PUT', `/api/v1/schemas/${schemaId}`, {
    ...design,
    expectedVersion: version,
  });
  expect(response.statusCode, response.body).toBe(200);
  version += 1;
}

async function migrate(body: Record<string, unknown>) {
  return stack.h.request('POST', `/api/v1/schemas/${schemaId}/database/migrate`, body);
}

const rows = () => owner`SELECT * FROM people ORDER BY id`;

beforeAll(async () => {
  stack = await startTestStack();
  worker = await stack.startWorker();
  const created = await stack.h.request('POST', '/api/v1/schemas', v1);
  schemaId = created.json().id;
  await stack.h.request('POST', `/api/v1/schemas/${schemaId}/database`);
  await stack.waitFor(schemaId, ['ready']);
  const credentials = await stack.h.request('GET', `/api/v1/schemas/${schemaId}/database/credentials`);
  owner = postgres(credentials.json().url, { max: 1, onnotice: () => {} });
  await owner`INSERT INTO people (id, email, name, age) VALUES (1, 'ann@example.test', 'Ann', 41), (2, 'bob@example.test', 'Bob', NULL)`;
});
afterAll(async () => {
  await owner?.end();
  await stack.close();
});

describe('migrating a live database', () => {
  test('a rename and an added column keep every row; the status follows the versions', async () => {
    await saveVersion(
      people([
        idColumn,
        { id: 'c_email', name: 'email', dataType: 'VARCHAR', length: 100, nullable: false, unique: true },
        { id: 'c_name', name: 'full_name', dataType: 'TEXT' },
        { id: 'c_age', name: 'age', dataType: 'INTEGER' },
        { id: 'c_city', name: 'city', dataType: 'TEXT' },
      ]),
    );
    const behind = (await stack.h.request('GET', `/api/v1/schemas/${schemaId}/database/status`)).json();
    expect(behind).toMatchObject({ version: 1, latestVersion: 2, behindDesign: true, pendingSteps: 3 });

    const diff = await stack.h.request('GET', `/api/v1/schemas/${schemaId}/diff?from=1&to=2`);
    expect(diff.statusCode).toBe(200);
    const plan = diff.json();
    expect(plan.steps.flatMap((step: { sql: string[] }) => step.sql)).toEqual(
      expect.arrayContaining(['ALTER TABLE "people" RENAME COLUMN "name" TO "full_name";']),
    );
    expect(plan.hazardCounts).toMatchObject({ BREAKS_CLIENTS: 1, DATA_DEPENDENT: 1 });

    const dryRun = await migrate({ dryRun: true });
    expect(dryRun.statusCode).toBe(200);
    expect(dryRun.json()).toMatchObject({ dryRun: true, queued: false, refusals: [] });
    expect(dryRun.json().findings).toEqual([expect.objectContaining({ kind: 'duplicates', count: 0 })]);
    expect(
      await owner`SELECT column_name FROM information_schema.columns WHERE table_name = 'people' ORDER BY ordinal_position`,
    ).toEqual([
      { column_name: 'id' },
      { column_name: 'email' },
      { column_name: 'name' },
      { column_name: 'age' },
    ]);

    const applied = await migrate({});
    expect(applied.statusCode).toBe(202);
    expect(applied.json()).toMatchObject({ queued: true, database: { status: 'migrating', busy: true } });
    const done = await stack.waitFor(schemaId, ['ready', 'migration_failed']);
    expect(done).toMatchObject({
      status: 'ready',
      version: 2,
      behindDesign: false,
      pendingSteps: 0,
      catalog: { matchesDesign: true },
    });
    expect(await rows()).toEqual([
      { id: 1, email: 'ann@example.test', full_name: 'Ann', age: 41, city: null },
      { id: 2, email: 'bob@example.test', full_name: 'Bob', age: null, city: null },
    ]);
    // Everything the migration created belongs to the database's own role.
    const [table] =
      await owner`SELECT tableowner = current_user AS mine FROM pg_tables WHERE tablename = 'people'`;
    expect(table?.mine).toBe(true);
  });

  test('NOT NULL over existing NULLs is refused with the findings, and nothing changes', async () => {
    const before = await rows();
    await saveVersion(
      people([
        idColumn,
        { id: 'c_email', name: 'email', dataType: 'VARCHAR', length: 100, nullable: false, unique: true },
        { id: 'c_name', name: 'full_name', dataType: 'TEXT' },
        { id: 'c_age', name: 'age', dataType: 'INTEGER', nullable: false },
        { id: 'c_city', name: 'city', dataType: 'TEXT' },
      ]),
    );
    const refused = await migrate({});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'MIGRATION_REFUSED',
      details: [
        expect.objectContaining({
          code: 'DATA_CHECK_FAILED',
          message: expect.stringContaining('1 row(s) of people'),
        }),
      ],
    });
    expect(await rows()).toEqual(before);
    const status = (await stack.h.request('GET', `/api/v1/schemas/${schemaId}/database/status`)).json();
    expect(status).toMatchObject({ status: 'ready', version: 2, busy: false });
  });

  test('dropping a column is refused until DESTRUCTIVE is allowed', async () => {
    await owner`UPDATE people SET age = 0 WHERE age IS NULL`;
    await saveVersion(
      people([
        idColumn,
        { id: 'c_email', name: 'email', dataType: 'VARCHAR', length: 100, nullable: false, unique: true },
        { id: 'c_name', name: 'full_name', dataType: 'TEXT' },
        { id: 'c_age', name: 'age', dataType: 'INTEGER', nullable: false },
      ]),
    );
    const refused = await migrate({});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details).toEqual([expect.objectContaining({ code: 'HAZARD_NOT_ALLOWED' })]);

    expect((await migrate({ allowHazards: ['DESTRUCTIVE'] })).statusCode).toBe(202);
    expect(await stack.waitFor(schemaId, ['ready', 'migration_failed'])).toMatchObject({
      status: 'ready',
      version: 4,
    });
    expect(await rows()).toEqual([
      { id: 1, email: 'ann@example.test', full_name: 'Ann', age: 41 },
      { id: 2, email: 'bob@example.test', full_name: 'Bob', age: 0 },
    ]);
  });

  test('a step that fails on rows written after the checks rolls back: migration_failed, data and version kept', async () => {
    await worker?.stop(5000);
    worker = undefined;
    await saveVersion(
      people([
        idColumn,
        { id: 'c_email', name: 'email', dataType: 'VARCHAR', length: 100, nullable: false, unique: true },
        { id: 'c_name', name: 'full_name', dataType: 'TEXT', unique: true },
        { id: 'c_age', name: 'age', dataType: 'INTEGER', nullable: false },
      ]),
    );
    // Checked clean, queued; then a duplicate arrives before any worker runs the job.
    expect((await migrate({})).statusCode).toBe(202);
    await owner`INSERT INTO people (id, email, full_name, age) VALUES (3, 'ann2@example.test', 'Ann', 1)`;
    const before = await rows();
    worker = await stack.startWorker();
    const failed = await stack.waitFor(schemaId, ['ready', 'migration_failed']);
    expect(failed).toMatchObject({
      status: 'migration_failed',
      version: 4,
      targetVersion: 5,
      lastErrorCode: 'MIGRATION_FAILED',
      lastErrorSqlState: '23505',
    });
    // Our words for the unique violation, not the server's text (which quotes the duplicate row).
    expect(String(failed.lastError)).toMatch(/^migrate failed: .*integrity constraint .*\(SQLSTATE 23505\)$/);
    expect(String(failed.lastError)).not.toContain('ann2@example.test');
    expect(await rows()).toEqual(before);

    // Fix the data and migrate again from the failed state.
    await owner`DELETE FROM people WHERE id = 3`;
    expect((await migrate({})).statusCode).toBe(202);
    expect(await stack.waitFor(schemaId, ['ready', 'migration_failed'])).toMatchObject({
      status: 'ready',
      version: 5,
    });
  });
});
