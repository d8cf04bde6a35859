import type { DesignDocument } from '@schema-builder/schema-model/design';
import { compareWithCatalog, planPostgresMigration } from '@schema-builder/schema-model/diff';
import { parseDesign } from '@schema-builder/schema-model/validation';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inspectDatabase } from './inspect.ts';
import { migrateDatabase } from './migrate.ts';
import { provision } from './provision.ts';
import { openTestServer, type TestServer } from './test-server.test-support.ts';

/** Two schemas besides public, a table name in two of them, a foreign key across them. */
const design: DesignDocument = {
  name: 'shop with schemas',
  schemas: [
    { id: 's1', name: 'sales' },
    { id: 's2', name: 'person' },
  ],
  tables: [
    {
      id: 't1',
      name: 'people',
      schemaId: 's2',
      columns: [{ id: 'c1', name: 'id', dataType: 'INT', primaryKey: true, autoIncrement: true }],
    },
    {
      id: 't2',
      name: 'orders',
      schemaId: 's1',
      columns: [
        { id: 'c2', name: 'id', dataType: 'INT', primaryKey: true, autoIncrement: true },
        { id: 'c3', name: 'person_id', dataType: 'INT', nullable: false },
      ],
    },
    { id: 't3', name: 'orders', columns: [{ id: 'c4', name: 'id', dataType: 'INT', primaryKey: true }] },
  ],
  foreignKeys: [
    { id: 'f1', sourceTableId: 't2', sourceColumnId: 'c3', targetTableId: 't1', targetColumnId: 'c1' },
  ],
};

let server: TestServer;
beforeAll(() => {
  server = openTestServer();
});
afterAll(() => server?.cleanup());

describe('provisioning a design with schemas', () => {
  test("creates each schema owned by the database's role, and the catalog check compares every schema", async () => {
    const plan = server.plan(design);
    await provision(server.session, plan);
    await provision(server.session, plan);
    const inspection = await inspectDatabase(server.session, plan.database);
    if (!inspection.exists) throw new Error('the database is missing');
    expect(inspection.schemas).toEqual([
      { name: 'person', owner: plan.role },
      { name: 'sales', owner: plan.role },
    ]);
    expect(inspection.tables.map((t) => [t.schema, t.name, t.owner])).toEqual([
      [undefined, 'orders', plan.role],
      ['person', 'people', plan.role],
      ['sales', 'orders', plan.role],
    ]);
    const parsed = parseDesign(design);
    if (!parsed.ok) throw new Error('the test design is invalid');
    const schemaNames = inspection.schemas.map((s) => s.name);
    expect(compareWithCatalog(parsed.design, inspection.tables, schemaNames)).toEqual([]);

    const elsewhere = parseDesign({
      ...design,
      schemas: [
        { id: 's1', name: 'sales' },
        { id: 's2', name: 'people' },
      ],
    });
    if (!elsewhere.ok) throw new Error('the changed design is invalid');
    expect(compareWithCatalog(elsewhere.design, inspection.tables, schemaNames).map((m) => m.code)).toEqual([
      'SCHEMA_MISSING',
      'SCHEMA_UNEXPECTED',
      'TABLE_MISSING',
      'TABLE_UNEXPECTED',
    ]);
  });

  test('a migration creates, renames and drops schemas as the role, and the check then compares the new ones', async () => {
    const plan = server.plan(design);
    await provision(server.session, plan);
    const to: DesignDocument = {
      ...design,
      schemas: [
        { id: 's1', name: 'commerce' },
        { id: 's3', name: 'archive' },
      ],
      tables: design.tables.map((t) => (t.id === 't1' ? { ...t, schemaId: 's3' } : t)),
    };
    const before = parseDesign(design);
    const after = parseDesign(to);
    if (!before.ok || !after.ok) throw new Error('the test designs are invalid');
    const migration = planPostgresMigration(before.design, after.design);
    expect(migration.steps.map((s) => s.id)).toEqual([
      'rename_schema:s1',
      'create_schema:s3',
      'move_table:t1',
      'drop_schema:s2',
    ]);
    await migrateDatabase(server.session, {
      ...plan,
      fromVersion: plan.version,
      toVersion: plan.version + 1,
      steps: migration.steps,
    });
    const inspection = await inspectDatabase(server.session, plan.database);
    if (!inspection.exists) throw new Error('the database is missing');
    expect(inspection.schemas).toEqual([
      { name: 'archive', owner: plan.role },
      { name: 'commerce', owner: plan.role },
    ]);
    const schemaNames = inspection.schemas.map((s) => s.name);
    expect(compareWithCatalog(after.design, inspection.tables, schemaNames)).toEqual([]);
  });
});
