import { generateDdl } from '@schema-builder/schema-model/ddl';
import type { DesignDocument } from '@schema-builder/schema-model/design';
import { planPostgresMigration } from '@schema-builder/schema-model/diff';
import { catalogToDesign } from '@schema-builder/schema-model/import';
import { quoteIdent } from '@schema-builder/schema-model/sql';
import type { TestDatabase } from '@schema-builder/testing/postgres';
import { createTestDatabase } from '@schema-builder/testing/postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { designOf, generatedAndIndexesDocument, structureOf } from './generated-indexes.test-support.ts';
import { introspectPostgres } from './introspect.ts';

let db: TestDatabase;
let counter = 0;

beforeAll(async () => {
  db = await createTestDatabase('genidx');
});
afterAll(async () => {
  await db?.drop();
});

/** A new schema holding `document` built from its PostgreSQL DDL. */
async function built(document: DesignDocument): Promise<string> {
  counter += 1;
  const schema = `genidx_${counter}`;
  await db.sql.unsafe(`CREATE SCHEMA ${quoteIdent(schema)}`);
  const ddl = generateDdl(designOf(document), { schema });
  await db.sql.unsafe(ddl.sql).simple();
  return schema;
}

async function imported(schema: string) {
  const catalog = await introspectPostgres(db.sql, { schema });
  return catalogToDesign(catalog, { name: 'back', dialect: 'postgresql' });
}

async function run(schema: string, statements: readonly string[]): Promise<void> {
  await db.sql.begin(async (tx) => {
    await tx.unsafe(`SET LOCAL search_path TO ${quoteIdent(schema)}`);
    for (const statement of statements) await tx.unsafe(statement);
  });
}

describe('generated columns and richer indexes on PostgreSQL 15', () => {
  test('the DDL runs, and the database imports back as the same design without a warning about them', async () => {
    const document = generatedAndIndexesDocument();
    const schema = await built(document);
    const back = await imported(schema);
    expect(back.warnings.filter((w) => /GENERATED|INDEX/.test(w.code))).toEqual([]);
    expect(structureOf(designOf(back.document))).toEqual(structureOf(designOf(document)));
  });

  test('the database computes the generated columns and enforces the unique expression and partial indexes', async () => {
    const schema = await built(generatedAndIndexesDocument());
    await run(schema, ["INSERT INTO items (name, qty) VALUES ('Bolt', 3)"]);
    const [row] = await db.sql.unsafe(`SELECT double_qty, name_lower FROM ${quoteIdent(schema)}.items`);
    expect(row).toEqual({ double_qty: 6, name_lower: 'bolt' });
    // lower(name) is unique: another case of the same name is refused.
    await expect(run(schema, ["INSERT INTO items (name, qty) VALUES ('BOLT', 0)"])).rejects.toThrow(
      /items_name_lower_key/,
    );
    // The partial unique index covers rows in stock only: two out-of-stock rows may share a name.
    await run(schema, ["INSERT INTO items (name, qty) VALUES ('Nut', 0), ('nut ', 0)"]);
  });

  test('a migration that makes a column generated, changes an expression, stops computing one and changes indexes applies and equals a fresh build', async () => {
    const before = generatedAndIndexesDocument();
    const schema = await built(before);
    await run(schema, ["INSERT INTO items (name, qty) VALUES ('Bolt', 3), ('Nut', 0)"]);

    const after = generatedAndIndexesDocument();
    const table = after.tables[0];
    if (!table?.indexes) throw new Error('fixture changed');
    const column = (name: string) => {
      const found = table.columns.find((c) => c.name === name);
      if (!found) throw new Error(`no column ${name}`);
      return found;
    };
    column('double_qty').generated = { expression: 'qty * 3' };
    delete column('name_lower').generated;
    table.columns.push({
      id: 'c_label',
      name: 'label',
      dataType: 'TEXT',
      generated: { expression: "name || '!'" },
    });
    table.indexes = table.indexes
      .filter((index) => index.id !== 'i_hash')
      .map((index) => (index.id === 'i_partial' ? { ...index, where: 'qty > 1' } : index))
      .map((index) =>
        index.id === 'i_brin'
          ? {
              ...index,
              method: 'btree' as const,
              columns: [],
              keys: [{ column: 'created_at', order: 'DESC' as const }],
            }
          : index,
      );

    const plan = planPostgresMigration(designOf(before), designOf(after));
    const ids = plan.steps.map((step) => step.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'drop_column:t_items:c_double',
        'add_column:t_items:c_double',
        'drop_expression:t_items:c_lower',
        'add_column:t_items:c_label',
        'drop_index:t_items:i_partial',
        'create_index:t_items:i_partial',
        'drop_index:t_items:i_brin',
        'create_index:t_items:i_brin',
        'drop_index:t_items:i_hash',
      ]),
    );
    // Indexes whose keys, method and predicate are unchanged stay.
    expect(ids).not.toContain('drop_index:t_items:i_gin');
    const recreate = plan.steps.find((step) => step.id === 'drop_column:t_items:c_double');
    expect(recreate?.hazards.map((h) => h.code)).toContain('DESTRUCTIVE');
    const add = plan.steps.find((step) => step.id === 'add_column:t_items:c_double');
    expect(add?.hazards.map((h) => h.code)).toContain('REWRITES_TABLE');

    await run(
      schema,
      plan.steps.flatMap((step) => step.sql),
    );
    const rows = await db.sql.unsafe(
      `SELECT name, double_qty, name_lower, label FROM ${quoteIdent(schema)}.items ORDER BY name`,
    );
    // Recomputed with the new expression; the column no longer computed kept its values.
    expect(rows.map((r) => ({ ...r }))).toEqual([
      { name: 'Bolt', double_qty: 9, name_lower: 'bolt', label: 'Bolt!' },
      { name: 'Nut', double_qty: 0, name_lower: 'nut', label: 'Nut!' },
    ]);
    const back = await imported(schema);
    const fresh = await imported(await built(after));
    // Only the order of columns may differ (PostgreSQL appends): compare by name.
    const byName = (structure: unknown) =>
      (structure as Array<{ columns: Array<{ name: string }> }>).map((t) => ({
        ...t,
        columns: [...t.columns].sort((a, b) => (a.name < b.name ? -1 : 1)),
      }));
    expect(byName(structureOf(designOf(back.document)))).toEqual(
      byName(structureOf(designOf(fresh.document))),
    );
    expect(byName(structureOf(designOf(back.document)))).toEqual(byName(structureOf(designOf(after))));
    // Diffing the result against the design plans nothing.
    expect(planPostgresMigration(designOf(after), designOf(after)).steps).toEqual([]);
  });

  test('a type change of a column a generated column reads applies: the generated column is added again after it', async () => {
    const before = generatedAndIndexesDocument();
    const schema = await built(before);
    await run(schema, ["INSERT INTO items (name, qty) VALUES ('Bolt', 3)"]);
    const after = generatedAndIndexesDocument();
    const qty = after.tables[0]?.columns.find((c) => c.name === 'qty');
    if (!qty) throw new Error('fixture changed');
    qty.dataType = 'BIGINT';
    const plan = planPostgresMigration(designOf(before), designOf(after));
    await run(
      schema,
      plan.steps.flatMap((step) => step.sql),
    );
    const [row] = await db.sql.unsafe(`SELECT qty, double_qty FROM ${quoteIdent(schema)}.items`);
    expect(row).toEqual({ qty: '3', double_qty: 6 });
  });
});
