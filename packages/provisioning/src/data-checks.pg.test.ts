import type { DataCheck } from '@schema-builder/schema-model/diff';
import { blogDesign } from '@schema-builder/testing/fixtures';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkMigrationData } from './data-checks.ts';
import { ProvisioningError } from './errors.ts';
import type { ProvisionPlan } from './plan.ts';
import { provision } from './provision.ts';
import { openTestServer, type TestServer } from './test-server.test-support.ts';

let server: TestServer;
let plan: ProvisionPlan;

const DDL = `CREATE TABLE authors (id int PRIMARY KEY, handle text);
CREATE TABLE posts (id int PRIMARY KEY, author_id int, slug text, status text);`;

beforeAll(async () => {
  server = openTestServer();
  plan = server.plan(blogDesign, { ddl: DDL });
  await provision(server.session, plan);
  await server.session.inDatabase(plan.database, async (sql) => {
    await sql`INSERT INTO authors (id, handle) VALUES (1, 'ada'), (2, 'bob')`;
    // Row by row, what each check should find: 1-2 share a slug, 3 has no author, 4 neither an
    // existing author nor a slug, 5 an author that does not exist, 6 a long slug.
    await sql`INSERT INTO posts (id, author_id, slug, status) VALUES
      (1, 1, 'a', 'draft'), (2, 1, 'a', 'draft'), (3, NULL, 'b', 'old'),
      (4, 9, NULL, 'published'), (5, 9, 'c', 'old'), (6, 2, 'a-long-slug ', 'draft')`;
    // Created by the admin and not granted to the role: the checks must not be able to read it.
    await sql`CREATE TABLE admin_only (id int)`;
  });
});
afterAll(async () => {
  await server?.cleanup();
});

const base = { table: 'posts', description: 'rows found' };

describe('checkMigrationData', () => {
  test.each<{ check: DataCheck; count: number }>([
    { check: { ...base, kind: 'nulls', columns: ['author_id'] }, count: 1 },
    { check: { ...base, kind: 'nulls', columns: ['author_id', 'slug'] }, count: 2 },
    { check: { ...base, kind: 'duplicates', columns: ['slug'] }, count: 2 },
    { check: { ...base, kind: 'duplicates', columns: ['author_id', 'slug'] }, count: 2 },
    { check: { ...base, kind: 'duplicates', columns: ['id'] }, count: 0 },
    {
      check: { ...base, kind: 'orphans', columns: ['author_id'], refTable: 'authors', refColumns: ['id'] },
      count: 2,
    },
    { check: { ...base, kind: 'too_long', columns: ['slug'], maxLength: 5 }, count: 1 },
    { check: { ...base, kind: 'too_long', columns: ['slug'], maxLength: 11 }, count: 0 },
    { check: { ...base, kind: 'values', columns: ['status'], values: ['old', 'gone'] }, count: 2 },
    { check: { ...base, kind: 'rows', columns: [] }, count: 6 },
    { check: { ...base, table: 'authors', kind: 'nulls', columns: ['handle'] }, count: 0 },
  ])('$check.kind on $check.table ($check.columns) counts $count', async ({ check, count }) => {
    const findings = await checkMigrationData(server.session, plan, [{ stepId: 'step-1', check }]);
    expect(findings).toEqual([
      {
        stepId: 'step-1',
        kind: check.kind,
        table: check.table,
        columns: check.columns,
        description: check.description,
        count,
      },
    ]);
  });

  test('runs many checks in one go, in order, with their step ids', async () => {
    const findings = await checkMigrationData(server.session, plan, [
      { stepId: 'set_not_null:posts:author_id', check: { ...base, kind: 'nulls', columns: ['author_id'] } },
      { stepId: 'add_unique:posts:slug', check: { ...base, kind: 'duplicates', columns: ['slug'] } },
    ]);
    expect(findings.map(({ stepId, count }) => ({ stepId, count }))).toEqual([
      { stepId: 'set_not_null:posts:author_id', count: 1 },
      { stepId: 'add_unique:posts:slug', count: 2 },
    ]);
    expect(await checkMigrationData(server.session, plan, [])).toEqual([]);
  });

  test.each([
    { name: 'a missing table', table: 'ghosts', sqlState: '42P01' },
    { name: "a table the design's role may not read", table: 'admin_only', sqlState: '42501' },
  ])('fails readably on $name', async ({ table, sqlState }) => {
    const check: DataCheck = { kind: 'rows', table, columns: [], description: 'rows' };
    const error = await checkMigrationData(server.session, plan, [{ stepId: 'drop_table:x', check }]).catch(
      (caught: unknown) => caught,
    );
    if (!(error instanceof ProvisioningError)) throw new Error(`expected a ProvisioningError: ${error}`);
    expect(error).toMatchObject({ code: 'SERVER_ERROR', sqlState });
    expect(error.message).toMatch(/^the rows check of step drop_table:x on table \w+ failed: /);
  });

  test('refuses a timeout that is not a positive integer', async () => {
    const check: DataCheck = { ...base, kind: 'rows', columns: [] };
    await expect(
      checkMigrationData(server.session, plan, [{ stepId: 's', check }], { statementTimeoutMs: 0 }),
    ).rejects.toMatchObject({ code: 'SERVER_ERROR' });
  });
});
