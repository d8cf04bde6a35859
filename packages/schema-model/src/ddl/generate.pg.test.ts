import type { CatalogSnapshot, CatalogTable } from '@schema-builder/testing/catalog';
import { evaluateDefaults, readCatalog } from '@schema-builder/testing/catalog';
import {
  blogDesign,
  compositeKeysDesign,
  cyclicDesign,
  designFixtures,
  ecommerceDesign,
  longNames,
  longNamesDesign,
  nameCollisionsDesign,
  reservedWordsDesign,
  unicodeDesign,
  wideDesign,
} from '@schema-builder/testing/fixtures';
import { createTestDatabase } from '@schema-builder/testing/postgres';
import { describe, expect, test } from 'vitest';
import type { DesignDocument } from '../design/document.ts';
import type { ColumnType, Design } from '../design/model.ts';
import { normalizeDesign } from '../design/normalize.ts';
import { byteLength } from '../sql/quote.ts';
import { parseDesign } from '../validation/parse.ts';
import { generateDdl } from './generate.ts';
import type { DdlStatement } from './statements.ts';

/** How `format_type()` spells a column type PostgreSQL created from our DDL. */
function formatType(type: ColumnType, enumName: (id: string) => string): string {
  // An array's catalog type is the array type (typtype 'b'), spelled `mood[]` for an enum's.
  if (type.array === true)
    return type.dataType === 'ENUM'
      ? `${enumName(type.enumId ?? '')}[]`
      : `${formatType({ ...type, array: false }, enumName)}[]`;
  const mod = (n: number | undefined) => (n === undefined ? '' : `(${n})`);
  // Unsigned integers are stored one size up, BIGINT's in bigint (their range is a CHECK).
  if (type.unsigned === true) return type.dataType === 'SMALLINT' ? 'integer' : 'bigint';
  switch (type.dataType) {
    case 'BINARY':
    case 'VARBINARY':
      return 'bytea';
    case 'VARCHAR':
      return `character varying${mod(type.length)}`;
    case 'CHAR':
      return `character${mod(type.length ?? 1)}`;
    case 'DECIMAL':
    case 'NUMERIC':
      return type.precision === undefined ? 'numeric' : `numeric(${type.precision},${type.scale ?? 0})`;
    case 'DOUBLE':
      return 'double precision';
    case 'TIME':
      return `time${mod(type.precision)} without time zone`;
    case 'TIMESTAMP':
      return `timestamp${mod(type.precision)} without time zone`;
    case 'TIMESTAMPTZ':
      return `timestamp${mod(type.precision)} with time zone`;
    case 'ENUM':
      return `enum ${enumName(type.enumId ?? '')}`;
    case 'INTERVAL':
      return `interval${mod(type.precision)}`;
    default:
      return type.dataType.toLowerCase();
  }
}

/** The catalog the design should produce: structure from the design, generated names from the plan. */
function expectedCatalog(design: Design, plan: DdlStatement[]): Omit<CatalogSnapshot, 'sequences'> {
  const enumName = (id: string) => design.enums.find((e) => e.id === id)?.name ?? `missing enum ${id}`;
  const creates = new Map(plan.flatMap((s) => (s.kind === 'create_table' ? [[s.name, s] as const] : [])));
  const fks = plan.filter((s) => s.kind === 'add_foreign_key');
  const byName = <T extends { name: string }>(items: T[]) =>
    [...items].sort((a, b) => (a.name < b.name ? -1 : 1));

  const tables: Record<string, CatalogTable> = {};
  for (const table of design.tables) {
    const create = creates.get(table.name);
    const columnName = (id: string) => table.columns.find((c) => c.id === id)?.name ?? `missing column ${id}`;
    tables[table.name] = {
      comment: table.comment ?? null,
      columns: table.columns.map((c) => ({
        name: c.name,
        type: formatType(c.type, enumName),
        notNull: !c.nullable,
        identity: c.identity,
        default: c.default ? expect.any(String) : null,
        comment: c.comment ?? null,
      })),
      primaryKey:
        table.primaryKey.length > 0
          ? { name: create?.primaryKey?.name ?? 'missing', columns: table.primaryKey.map(columnName) }
          : null,
      uniques: byName(
        table.columns
          .filter((c) => c.unique)
          .map((c) => ({
            name: create?.uniques.find((u) => u.columns[0] === c.name)?.name ?? 'missing',
            columns: [c.name],
          })),
      ),
      foreignKeys: byName(
        design.foreignKeys.flatMap((fk, i) => {
          if (fk.sourceTableId !== table.id) return [];
          const target = design.tables.find((t) => t.id === fk.targetTableId);
          return [
            {
              name: fks[i]?.name ?? 'missing',
              columns: fk.sourceColumnIds.map(columnName),
              refTable: target?.name ?? 'missing',
              refColumns: fk.targetColumnIds.map(
                (id) => target?.columns.find((c) => c.id === id)?.name ?? 'missing',
              ),
              onDelete: fk.onDelete,
              onUpdate: fk.onUpdate,
            },
          ];
        }),
      ),
      indexes: byName(
        table.indexes.map((i) => ({ name: i.name, columns: i.columnIds.map(columnName), unique: i.unique })),
      ),
    };
  }
  const enums: CatalogSnapshot['enums'] = {};
  for (const e of design.enums) enums[e.name] = { values: e.values, comment: e.comment ?? null };
  return { tables, enums };
}

/** Every identifier the plan writes into SQL. */
function planIdentifiers(plan: DdlStatement[]): string[] {
  return plan.flatMap((s): string[] => {
    switch (s.kind) {
      case 'create_enum':
        return [s.name];
      case 'create_table':
        return [
          s.name,
          ...s.columns.flatMap((c) => [c.name, ...(c.identitySequence ? [c.identitySequence] : [])]),
          ...(s.primaryKey ? [s.primaryKey.name] : []),
          ...s.uniques.map((u) => u.name),
        ];
      case 'create_index':
      case 'add_foreign_key':
        return [s.name];
      default:
        return [];
    }
  });
}

/** Validate, generate, execute in a fresh database, evaluate every default, read the catalog. */
async function createInFreshDatabase(doc: DesignDocument, { defaults = true } = {}) {
  const parsed = parseDesign(doc);
  if (!parsed.ok) throw new Error(`fixture is invalid: ${JSON.stringify(parsed.report.errors, null, 2)}`);
  expect(parsed.report.valid).toBe(true);
  const { design } = parsed;
  const result = generateDdl(design);
  const db = await createTestDatabase('sbddl');
  try {
    await db.sql.unsafe(result.sql).simple();
    const evaluated = defaults ? await evaluateDefaults(db.sql) : 0;
    return { design, result, defaults: evaluated, catalog: await readCatalog(db.sql) };
  } finally {
    await db.drop();
  }
}

/** Each fixture is created once (in its own fresh database) and read by several tests. */
const created = new Map<DesignDocument, ReturnType<typeof createInFreshDatabase>>();
function create(doc: DesignDocument): ReturnType<typeof createInFreshDatabase> {
  let result = created.get(doc);
  if (!result) {
    result = createInFreshDatabase(doc);
    created.set(doc, result);
  }
  return result;
}

describe('generated DDL on a real PostgreSQL', () => {
  test.each(Object.entries(designFixtures))(
    '%s: creates exactly the tables, columns, keys, indexes and enums of the design; defaults evaluate',
    async (_name, doc) => {
      const { design, result, catalog, defaults } = await create(doc);
      expect(generateDdl(normalizeDesign(structuredClone(doc))).sql).toBe(result.sql);
      expect(defaults).toBe(design.tables.flatMap((t) => t.columns.filter((c) => c.default)).length);
      const { sequences, ...structure } = catalog;
      expect(structure).toEqual(expectedCatalog(design, result.plan));
      // Every identifier fits PostgreSQL's limit, so the catalog holds it verbatim (not truncated).
      for (const name of planIdentifiers(result.plan)) expect(byteLength(name)).toBeLessThanOrEqual(63);
      expect(sequences).toHaveLength(
        design.tables.flatMap((t) => t.columns.filter((c) => c.identity)).length,
      );
    },
  );

  test('blog: PostgreSQL-style names, CASCADE and SET NULL, defaults', async () => {
    const { catalog } = await create(blogDesign);
    expect(Object.keys(catalog.tables)).toEqual(['comments', 'post_tags', 'posts', 'tags', 'users']);
    const users = catalog.tables.users;
    expect(users?.primaryKey).toEqual({ name: 'users_pkey', columns: ['id'] });
    expect(users?.uniques.map((u) => u.name)).toEqual(['users_email_key', 'users_username_key']);
    expect(users?.columns.find((c) => c.name === 'created_at')).toMatchObject({
      type: 'timestamp without time zone',
      default: 'now()',
      notNull: true,
    });
    expect(users?.columns.find((c) => c.name === 'is_active')?.default).toBe('true');
    expect(catalog.tables.post_tags?.primaryKey).toEqual({
      name: 'post_tags_pkey',
      columns: ['post_id', 'tag_id'],
    });
    expect(catalog.tables.comments?.foreignKeys).toEqual([
      {
        name: 'comments_author_id_fkey',
        columns: ['author_id'],
        refTable: 'users',
        refColumns: ['id'],
        onDelete: 'SET NULL',
        onUpdate: 'NO ACTION',
      },
      {
        name: 'comments_post_id_fkey',
        columns: ['post_id'],
        refTable: 'posts',
        refColumns: ['id'],
        onDelete: 'CASCADE',
        onUpdate: 'NO ACTION',
      },
    ]);
    expect(catalog.tables.post_tags?.foreignKeys.map((f) => [f.name, f.onUpdate])).toEqual([
      ['fk_post_tags_post', 'CASCADE'],
      ['post_tags_tag_id_fkey', 'NO ACTION'],
    ]);
    expect(catalog.sequences).toEqual(['comments_id_seq', 'posts_id_seq', 'tags_id_seq', 'users_id_seq']);
  });

  test('ecommerce: enum, decimals, JSON default, composite foreign key, comments', async () => {
    const { catalog } = await create(ecommerceDesign);
    expect(catalog.enums).toEqual({
      order_status: {
        values: ['pending', 'paid', 'shipped', 'delivered', 'cancelled'],
        comment: 'Where an order is in its life cycle.',
      },
    });
    const products = catalog.tables.products;
    expect(products?.columns.find((c) => c.name === 'price')).toMatchObject({
      type: 'numeric(10,2)',
      default: '0.00',
    });
    expect(products?.columns.find((c) => c.name === 'attributes')).toMatchObject({ default: "'{}'::jsonb" });
    expect(products?.comment).toBe("The shop's catalogue.");
    expect(catalog.tables.orders?.columns.find((c) => c.name === 'status')).toMatchObject({
      type: 'enum order_status',
      default: "'pending'::order_status",
    });
    expect(catalog.tables.customers?.columns[0]?.default).toBe('gen_random_uuid()');
    expect(catalog.tables.categories?.foreignKeys[0]).toMatchObject({
      refTable: 'categories',
      onDelete: 'SET NULL',
    });
    expect(catalog.tables.refunds?.foreignKeys).toEqual([
      {
        name: 'refunds_order_item_fkey',
        columns: ['order_id', 'line_no'],
        refTable: 'order_items',
        refColumns: ['order_id', 'line_no'],
        onDelete: 'CASCADE',
        onUpdate: 'CASCADE',
      },
    ]);
  });

  test('cyclic: both directions and the self-reference exist', async () => {
    const { catalog } = await create(cyclicDesign);
    expect(catalog.tables.a?.foreignKeys.map((f) => `${f.name}→${f.refTable}`)).toEqual([
      'a_b_id_fkey→b',
      'a_parent_id_fkey→a',
    ]);
    expect(catalog.tables.b?.foreignKeys.map((f) => `${f.name}→${f.refTable}`)).toEqual(['b_a_id_fkey→a']);
  });

  test('reserved words and quotes survive verbatim', async () => {
    const { catalog } = await create(reservedWordsDesign);
    expect(Object.keys(catalog.tables).sort()).toEqual(['group', 'order', 'select', 'user']);
    expect(catalog.tables.user?.columns.map((c) => c.name)).toEqual([
      'id',
      'select',
      'group',
      'Display Name',
      'weird "column" name',
      'CamelCase',
    ]);
    expect(catalog.tables.user?.columns[4]?.default).toBe(`'O''Reilly'::text`);
    expect(catalog.tables.user?.comment).toBe(`Table "user" isn't safe unquoted.`);
    expect(catalog.enums['Order "Status"']?.values).toEqual(["it's new", 'say "hi"', 'done']);
    expect(catalog.tables.order?.indexes.map((i) => i.name)).toEqual(['Order "Unique"', 'index']);
    expect(catalog.tables.group?.foreignKeys[0]?.name).toBe('fk "group" owner');
  });

  test('unicode names', async () => {
    const { catalog } = await create(unicodeDesign);
    expect(Object.keys(catalog.tables).sort()).toEqual(['café', 'заказы', 'клиенты', '注文'].sort());
    expect(catalog.tables.注文?.uniques).toEqual([{ name: '注文_😀 emoji_key', columns: ['😀 emoji'] }]);
    expect(catalog.enums.статус?.values).toEqual(['новый', '完了', 'café ☕']);
  });

  test('63-byte names: generated names are cut on a character boundary and stay distinct', async () => {
    const { catalog } = await create(longNamesDesign);
    const names = Object.values(catalog.tables).flatMap((t) => [
      ...(t.primaryKey ? [t.primaryKey.name] : []),
      ...t.uniques.map((u) => u.name),
      ...t.foreignKeys.map((f) => f.name),
    ]);
    for (const name of names) expect(byteLength(name)).toBeLessThanOrEqual(63);
    expect(new Set(names).size).toBe(names.length);
    expect(catalog.tables[longNames.accented]?.indexes[0]?.name).toBe(longNames.cjkIndex);
    expect(catalog.tables[longNames.sharedB]?.foreignKeys.map((f) => f.name)).toContain(longNames.fkName);
  });

  test('composite keys', async () => {
    const { catalog } = await create(compositeKeysDesign);
    expect(catalog.tables.task_links?.primaryKey?.columns).toEqual([
      'tenant_id',
      'project_no',
      'from_task_no',
      'to_task_no',
    ]);
    expect(catalog.tables.task_links?.foreignKeys.map((f) => f.name)).toEqual([
      'task_links_tenant_id_project_no_from_task_no_fkey',
      'task_links_tenant_id_project_no_to_task_no_fkey',
    ]);
    expect(catalog.tables.releases?.foreignKeys[0]).toMatchObject({
      refTable: 'projects',
      refColumns: ['tenant_id', 'code'],
    });
  });

  test('user names that equal generated ones: the generated ones step aside', async () => {
    const { catalog } = await create(nameCollisionsDesign);
    expect(catalog.tables.users?.primaryKey?.name).toBe('users_pkey_1');
    expect(catalog.tables.posts?.indexes.map((i) => i.name)).toEqual([
      'posts_editor_id_idx',
      'users_email_key',
      'users_pkey',
    ]);
    expect(catalog.sequences).toEqual([
      'posts_id_seq_1',
      'posts_pkey_id_seq',
      'users_id_seq_1',
      'users_id_seq_id_seq',
    ]);
    expect(catalog.tables.posts?.foreignKeys.map((f) => f.name)).toEqual([
      'posts_editor_id_fkey',
      'posts_editor_id_fkey_1',
    ]);
  });

  test('a wide design (100 tables × 20 columns) executes', async () => {
    const { design, catalog } = await createInFreshDatabase(wideDesign(100, 20), { defaults: false });
    expect(Object.keys(catalog.tables)).toHaveLength(100);
    expect(Object.values(catalog.tables).flatMap((t) => t.foreignKeys)).toHaveLength(99);
    expect(Object.values(catalog.tables).every((t) => t.columns.length === 20)).toBe(true);
    expect(design.tables).toHaveLength(100);
  });
});
