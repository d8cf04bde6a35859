import { blogDesign } from '@schema-builder/testing/fixtures';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ProvisioningError } from './errors.ts';
import { inspectDatabase } from './inspect.ts';
import { type DatabaseMigration, type MigrationStepSql, migrateDatabase } from './migrate.ts';
import type { ProvisionPlan } from './plan.ts';
import { provision } from './provision.ts';
import { openTestServer, type TestServer } from './test-server.test-support.ts';

let server: TestServer;
beforeAll(() => {
  server = openTestServer();
});
afterAll(async () => {
  await server?.cleanup();
});

// Version 1 of a small design, written by hand so the migrations below are easy to follow.
const VERSION_1 = `CREATE TYPE post_status AS ENUM ('draft', 'published');
CREATE TABLE posts (id int PRIMARY KEY, title text NOT NULL, status post_status NOT NULL DEFAULT 'draft');`;

const ROWS = [
  { id: 1, title: 'first', status: 'draft' },
  { id: 2, title: 'second', status: 'published' },
];

/**
 * To version 2: phase 0 adds an enum value, a column and a table; phase 1 makes the new value
 * the default. PostgreSQL refuses to use an enum value in the transaction that added it, which is
 * what phases are for.
 */
const addArchived: MigrationStepSql = {
  id: 'add_enum_value:post_status:archived',
  phase: 0,
  sql: [`ALTER TYPE post_status ADD VALUE 'archived'`],
};
const addSummary: MigrationStepSql = {
  id: 'add_column:posts:summary',
  phase: 0,
  sql: ['ALTER TABLE posts ADD COLUMN summary text', 'CREATE TABLE tags (id int PRIMARY KEY, name text)'],
};
const archivedByDefault: MigrationStepSql = {
  id: 'set_default:posts:status',
  phase: 1,
  sql: [`ALTER TABLE posts ALTER COLUMN status SET DEFAULT 'archived'`],
};
const TWO_PHASES = [addArchived, addSummary, archivedByDefault];

async function provisionVersion1(): Promise<ProvisionPlan> {
  const plan = server.plan(blogDesign, { ddl: VERSION_1 });
  await provision(server.session, plan);
  await server.session.inDatabase(plan.database, async (sql) => {
    for (const row of ROWS)
      await sql`INSERT INTO posts (id, title, status) VALUES (${row.id}, ${row.title}, ${row.status})`;
  });
  return plan;
}

function migration(plan: ProvisionPlan, steps: readonly MigrationStepSql[]): DatabaseMigration {
  const { designId, database, role } = plan;
  return { designId, database, role, fromVersion: 1, toVersion: 2, steps };
}

/** Rows, enum values, columns, owners and the schema marker: what a migration may change. */
async function stateOf(plan: ProvisionPlan) {
  const inspection = await inspectDatabase(server.session, plan.database);
  if (!inspection.exists) throw new Error('database missing');
  return server.session.inDatabase(plan.database, async (sql) => ({
    rows: await sql`SELECT id, title, status::text AS status FROM posts ORDER BY id`,
    enumValues: (await sql<{ values: string[] }[]>`SELECT enum_range(NULL::post_status)::text[] AS values`)[0]
      ?.values,
    statusDefault: (
      await sql<{ value: string | null }[]>`
        SELECT column_default AS value FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = 'posts' AND column_name = 'status'`
    )[0]?.value,
    typeOwners: await sql`
      SELECT t.typname AS name, pg_get_userbyid(t.typowner) AS owner FROM pg_type t
      JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' AND t.typtype = 'e'`,
    tables: inspection.tables,
    marker: inspection.schemaMarker,
  }));
}

async function failureOf(run: () => Promise<unknown>): Promise<ProvisioningError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ProvisioningError) return error;
    throw error;
  }
  throw new Error('expected a ProvisioningError');
}

describe('migrateDatabase', () => {
  test('applies a two-phase plan as the role, keeps the rows, moves the version; a retry does nothing', async () => {
    const plan = await provisionVersion1();
    const before = await stateOf(plan);
    expect(await migrateDatabase(server.session, migration(plan, TWO_PHASES))).toBe('applied');

    const after = await stateOf(plan);
    expect(after.rows).toEqual(ROWS);
    expect(after.enumValues).toEqual(['draft', 'published', 'archived']);
    expect(after.statusDefault).toBe(`'archived'::post_status`);
    expect(after.tables.map((table) => [table.name, table.owner])).toEqual([
      ['posts', plan.role],
      ['tags', plan.role],
    ]);
    expect(after.tables[0]?.columns.map((column) => column.name)).toEqual([
      'id',
      'title',
      'status',
      'summary',
    ]);
    expect(after.typeOwners).toEqual([{ name: 'post_status', owner: plan.role }]);
    expect(after.marker).toEqual({ ...before.marker, version: 2 });

    expect(await migrateDatabase(server.session, migration(plan, TWO_PHASES))).toBe('already-applied');
    expect(await stateOf(plan)).toEqual(after);
  });

  test.each([
    {
      name: 'a statement on a missing table',
      steps: [
        addSummary,
        { id: 'add_column:ghosts:x', phase: 0, sql: ['ALTER TABLE ghosts ADD COLUMN x int'] },
      ],
      failing: 'add_column:ghosts:x',
      sqlState: '42P01',
    },
    {
      name: 'an enum value used in the transaction that added it',
      steps: [addArchived, addSummary, { ...archivedByDefault, phase: 0 }],
      failing: 'set_default:posts:status',
      sqlState: '55P04',
    },
  ])('$name fails its phase and changes nothing', async ({ steps, failing, sqlState }) => {
    const plan = await provisionVersion1();
    const before = await stateOf(plan);
    const error = await failureOf(() => migrateDatabase(server.session, migration(plan, steps)));
    expect(error).toMatchObject({ code: 'MIGRATION_FAILED', sqlState });
    expect(error.message).toMatch(
      new RegExp(`^migration step ${failing} failed: [^"]*\\(SQLSTATE ${sqlState}\\)$`),
    );
    expect(await stateOf(plan)).toEqual(before);
  });

  test('the message carries the reason in our words, not the statement (which may hold data)', async () => {
    const plan = await provisionVersion1();
    const secret = 'confidential-default-value';
    const step = {
      id: 'set_default:posts:title',
      phase: 0,
      sql: [`ALTER TABLE posts ALTER COLUMN nope SET DEFAULT '${secret}'`],
    };
    const error = await failureOf(() => migrateDatabase(server.session, migration(plan, [step])));
    expect(error.code).toBe('MIGRATION_FAILED');
    expect(error.message).toBe(
      `migration step set_default:posts:title failed: a statement was refused (syntax, a missing or duplicate object, or permissions) (SQLSTATE 42703)`,
    );
    expect(error.message).not.toContain(secret);
    // The server's reason is kept for the log, as the cause.
    expect(error.cause).toMatchObject({ message: 'column "nope" of relation "posts" does not exist' });
  });

  test('a failure in phase 1 keeps phase 0; the retry resumes after it without running it again', async () => {
    const plan = await provisionVersion1();
    const broken = {
      ...archivedByDefault,
      sql: [`ALTER TABLE posts ALTER COLUMN status SET DEFAULT 'lost'`],
    };
    const error = await failureOf(() =>
      migrateDatabase(server.session, migration(plan, [addArchived, addSummary, broken])),
    );
    expect(error).toMatchObject({ code: 'MIGRATION_FAILED', sqlState: '22P02' });
    const halfway = await stateOf(plan);
    expect(halfway.enumValues).toEqual(['draft', 'published', 'archived']);
    expect(halfway.statusDefault).toBe(`'draft'::post_status`);
    expect(halfway.marker).toMatchObject({ version: 1, migratingTo: 2, phasesDone: 1 });

    // Running phase 0 again would fail: the enum value and the table exist already.
    expect(await migrateDatabase(server.session, migration(plan, TWO_PHASES))).toBe('applied');
    const done = await stateOf(plan);
    expect(done.statusDefault).toBe(`'archived'::post_status`);
    expect(done.rows).toEqual(ROWS);
    expect(done.marker).toEqual({
      ...halfway.marker,
      version: 2,
      migratingTo: undefined,
      phasesDone: undefined,
    });
    expect(done.marker).not.toHaveProperty('migratingTo');
  });

  test('a plan without steps only moves the version', async () => {
    const plan = await provisionVersion1();
    const before = await stateOf(plan);
    expect(await migrateDatabase(server.session, migration(plan, []))).toBe('applied');
    expect(await stateOf(plan)).toEqual({ ...before, marker: { ...before.marker, version: 2 } });
  });

  test.each([
    { name: 'another starting version', change: { fromVersion: 3, toVersion: 4 }, code: 'VERSION_MISMATCH' },
    { name: 'another design', change: { designId: 'someone-else' }, code: 'NOT_OURS' },
    { name: 'another role', change: { role: 'postgres' }, code: 'NOT_OURS' },
  ])('refuses a plan for $name', async ({ change, code }) => {
    const plan = await provisionVersion1();
    const before = await stateOf(plan);
    const error = await failureOf(() =>
      migrateDatabase(server.session, { ...migration(plan, TWO_PHASES), ...change }),
    );
    expect(error.code).toBe(code);
    expect(await stateOf(plan)).toEqual(before);
  });

  test('refuses to start another migration over one left part-way', async () => {
    const plan = await provisionVersion1();
    const broken = { ...archivedByDefault, sql: ['SELECT 1/0'] };
    await failureOf(() => migrateDatabase(server.session, migration(plan, [addArchived, broken])));
    const error = await failureOf(() =>
      migrateDatabase(server.session, { ...migration(plan, TWO_PHASES), toVersion: 3 }),
    );
    expect(error.code).toBe('VERSION_MISMATCH');
    expect(error.message).toContain('part-way through a migration to version 2');
  });
});
