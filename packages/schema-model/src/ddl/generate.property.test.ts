import type { CatalogSnapshot } from '@schema-builder/testing/catalog';
import { evaluateDefaults, readCatalog } from '@schema-builder/testing/catalog';
import { testEnv } from '@schema-builder/testing/env';
import type { TestDatabase } from '@schema-builder/testing/postgres';
import { createTestDatabase } from '@schema-builder/testing/postgres';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { canonicalDataType } from '../design/data-types.ts';
import type {
  ColumnDocument,
  DesignDocument,
  EnumDocument,
  ForeignKeyDocument,
  IndexDocument,
  TableDocument,
} from '../design/document.ts';
import { normalizeDesign } from '../design/normalize.ts';
import { validateDesign } from '../validation/validate.ts';
import { generateDdl } from './generate.ts';

/**
 * Property: every valid design — random names (SQL keywords, quotes, spaces, Unicode, exactly
 * 63 bytes), every data type with valid modifiers and defaults, enums, composite keys, foreign
 * keys between compatible columns (self-references and cycles included), indexes, comments —
 * turns into DDL that PostgreSQL executes, whose defaults evaluate, and whose catalog holds as
 * many tables, foreign keys, indexes and enums as the design.
 */

const NUM_RUNS = testEnv.FC_NUM_RUNS ?? 100;

// ---------------------------------------------------------------------------------------------
// Names

const utf8 = (text: string) => new TextEncoder().encode(text).length;

/** `seed` padded with `fill` characters, then ASCII, to exactly 63 bytes. */
function name63(seed: string, fill: string): string {
  let name = seed;
  while (utf8(name + fill) <= 63) name += fill;
  while (utf8(name) < 63) name += 'x';
  return name;
}

const NAME_CHARS = [
  'a',
  'b',
  'z',
  'Q',
  '_',
  '1',
  ' ',
  '"',
  "'",
  '$',
  '-',
  'é',
  'ß',
  'я',
  '注',
  '😀',
  '\\',
  '.',
];

const nameArb: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 3, arbitrary: fc.stringMatching(/^[a-z_][a-z0-9_]{0,15}$/) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        'user',
        'order',
        'select',
        'group',
        'table',
        'from',
        'where',
        'Mixed Case',
        'CamelCase',
        'with "quotes"',
        "it's",
        'café',
        'заказы',
        '注文',
        '😀 emoji',
        'a\\b',
        'x;DROP TABLE y',
      ),
    },
    {
      weight: 2,
      arbitrary: fc.string({ unit: fc.constantFrom(...NAME_CHARS), minLength: 1, maxLength: 12 }),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.stringMatching(/^[a-z]{1,6}$/), fc.constantFrom('x', '_', 'é', 'я', '表', '😀'))
        .map(([seed, fill]) => name63(seed, fill)),
    },
  )
  .filter((name) => name.trim() === name && name !== '' && utf8(name) <= 63);

const textArb = fc.string({ unit: fc.constantFrom(...NAME_CHARS, '\n', '%', '?', '$1'), maxLength: 30 });

// ---------------------------------------------------------------------------------------------
// Column types and their defaults

interface TypedColumn {
  dataType: string;
  length?: number;
  precision?: number;
  scale?: number;
  /** A default valid for the type; for ENUM columns chosen later from the enum's values. */
  defaultValue?: ColumnDocument['defaultValue'];
  enumDefault?: boolean;
}

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
/** A string of at most `max` characters (code points). */
const shortText = (max: number) =>
  fc.string({ unit: fc.constantFrom(...NAME_CHARS, '%', '\n'), maxLength: Math.min(max, 20) });

const two = (n: number) => String(n).padStart(2, '0');
const dateArb = fc
  .record({
    y: fc.integer({ min: 1, max: 9999 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${String(y).padStart(4, '0')}-${two(m)}-${two(d)}`);
const timeArb = fc
  .record({
    h: fc.integer({ min: 0, max: 23 }),
    m: fc.integer({ min: 0, max: 59 }),
    s: fc.integer({ min: 0, max: 59 }),
    f: opt(fc.stringMatching(/^\d{1,6}$/)),
  })
  .map(({ h, m, s, f }) => `${two(h)}:${two(m)}:${two(s)}${f === undefined ? '' : `.${f}`}`);
const nowArb = fc.constantFrom('now()', 'CURRENT_TIMESTAMP', 'NOW()', 'current_timestamp');

/** A decimal literal that fits NUMERIC(precision, scale). */
function decimalArb(precision: number | undefined, scale: number | undefined): fc.Arbitrary<string | number> {
  const whole = precision === undefined ? 15 : Math.min(precision - (scale ?? 0), 15);
  const fraction = precision === undefined ? 6 : Math.min(scale ?? 0, 6);
  return fc
    .record({
      sign: fc.constantFrom('', '-', '+'),
      whole: fc.string({
        unit: fc.constantFrom(...'0123456789'),
        minLength: whole > 0 ? 1 : 0,
        maxLength: Math.max(whole, 0),
      }),
      fraction: fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: fraction }),
      asNumber: fc.boolean(),
    })
    .map(({ sign, whole: w, fraction: f, asNumber }) => {
      const text = `${sign}${w === '' ? '0' : w}${f === '' ? '' : `.${f}`}`;
      return asNumber && whole + fraction <= 15 && sign !== '+' ? Number(text) : text;
    });
}

const typedColumnArb: fc.Arbitrary<TypedColumn> = fc.oneof(
  fc
    .record({
      dataType: fc.constantFrom('VARCHAR', 'varchar', 'character varying'),
      length: opt(fc.oneof(fc.integer({ min: 1, max: 300 }), fc.constant(10_485_760))),
    })
    .chain(({ dataType, length }) =>
      opt(shortText(length ?? 50)).map((defaultValue) => ({ dataType, length, defaultValue })),
    ),
  fc
    .record({ dataType: fc.constantFrom('CHAR', 'character'), length: opt(fc.integer({ min: 1, max: 12 })) })
    .chain(({ dataType, length }) =>
      opt(shortText(length ?? 1)).map((defaultValue) => ({ dataType, length, defaultValue })),
    ),
  fc.record({ dataType: fc.constant('TEXT'), defaultValue: opt(textArb) }),
  fc.record({
    dataType: fc.constantFrom('SMALLINT', 'int2'),
    defaultValue: opt(fc.oneof(fc.integer({ min: -32_768, max: 32_767 }), fc.constantFrom('-32768', '+7'))),
  }),
  fc.record({
    dataType: fc.constantFrom('INT', 'INTEGER', 'int4'),
    defaultValue: opt(fc.oneof(fc.integer(), fc.integer().map(String))),
  }),
  fc.record({
    dataType: fc.constantFrom('BIGINT', 'int8'),
    defaultValue: opt(
      fc.oneof(fc.maxSafeInteger(), fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String)),
    ),
  }),
  fc
    .record({
      dataType: fc.constantFrom('DECIMAL', 'NUMERIC', 'numeric'),
      precision: opt(fc.oneof(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 1000 }))),
    })
    .chain(({ dataType, precision }) =>
      (precision === undefined ? fc.constant(undefined) : opt(fc.integer({ min: 0, max: precision }))).chain(
        (scale) =>
          opt(decimalArb(precision, scale)).map((defaultValue) => ({
            dataType,
            precision,
            scale,
            defaultValue,
          })),
      ),
    ),
  fc.record({
    dataType: fc.constantFrom('REAL', 'float4'),
    defaultValue: opt(fc.float({ noNaN: true, noDefaultInfinity: true })),
  }),
  fc.record({
    dataType: fc.constantFrom('DOUBLE', 'double precision', 'float8'),
    defaultValue: opt(fc.double({ noNaN: true, noDefaultInfinity: true })),
  }),
  fc.record({
    dataType: fc.constantFrom('BOOLEAN', 'bool'),
    defaultValue: opt(fc.oneof(fc.boolean(), fc.constantFrom('true', 'FALSE', ' True '))),
  }),
  fc.record({
    dataType: fc.constant('DATE'),
    defaultValue: opt(fc.oneof(dateArb, fc.constantFrom('CURRENT_DATE', 'now()'))),
  }),
  fc.record({
    dataType: fc.constant('TIME'),
    precision: opt(fc.integer({ min: 0, max: 6 })),
    defaultValue: opt(fc.oneof(timeArb, fc.constant('24:00:00'), nowArb)),
  }),
  fc.record({
    dataType: fc.constantFrom('TIMESTAMP', 'timestamp without time zone'),
    precision: opt(fc.integer({ min: 0, max: 6 })),
    defaultValue: opt(
      fc.oneof(
        fc.tuple(dateArb, fc.constantFrom(' ', 'T'), timeArb).map((parts) => parts.join('')),
        nowArb,
      ),
    ),
  }),
  fc.record({
    dataType: fc.constantFrom('TIMESTAMPTZ', 'timestamp with time zone'),
    precision: opt(fc.integer({ min: 0, max: 6 })),
    defaultValue: opt(
      fc.oneof(
        fc
          .tuple(dateArb, timeArb, fc.constantFrom('Z', '+00', '-05:30', '+1200', ''))
          .map(([d, t, z]) => `${d}T${t}${z}`),
        nowArb,
        fc.constant('CURRENT_DATE'),
      ),
    ),
  }),
  fc.record({
    dataType: fc.constant('UUID'),
    defaultValue: opt(fc.oneof(fc.uuid(), fc.constantFrom('gen_random_uuid()', 'GEN_RANDOM_UUID()'))),
  }),
  fc.record({
    dataType: fc.constantFrom('JSON', 'JSONB'),
    defaultValue: opt(
      fc.oneof(
        // A string default of a JSON column is JSON text, so a JSON string value is sent encoded.
        fc
          .jsonValue({ maxDepth: 2, stringUnit: fc.constantFrom(...NAME_CHARS, '\n') })
          .map((value) => (typeof value === 'string' ? JSON.stringify(value) : value)),
        fc.constantFrom('{"a": [1, 2]}', '"text"', '[]', '3.5', 'null'),
      ),
    ),
  }),
  fc.record({
    dataType: fc.constant('BYTEA'),
    defaultValue: opt(
      fc
        .uint8Array({ maxLength: 8 })
        .map((bytes) => `\\x${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`),
    ),
  }),
  fc.record({ dataType: fc.constantFrom('ENUM', 'enum'), enumDefault: fc.boolean() }),
);

// ---------------------------------------------------------------------------------------------
// Blueprint: random choices; `buildDesign` turns them into a valid document

interface ColumnBlueprint {
  name: string;
  typed: TypedColumn;
  nullable: boolean;
  unique: boolean;
  autoIncrement: boolean;
  comment: string | undefined;
  pick: number;
}

const columnArb: fc.Arbitrary<ColumnBlueprint> = fc.record({
  name: nameArb,
  typed: typedColumnArb,
  nullable: fc.boolean(),
  unique: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  autoIncrement: fc.boolean(),
  comment: opt(textArb),
  pick: fc.nat(),
});

const indexArb = fc.record({
  name: nameArb,
  /** Take the name another object would get by PostgreSQL convention, to provoke collisions. */
  adversarial: fc.constantFrom(undefined, '_pkey', '_id_seq'),
  columns: fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 3 }),
  unique: fc.boolean(),
});

const tableArb = fc.record({
  name: nameArb,
  comment: opt(textArb),
  columns: fc.array(columnArb, { minLength: 1, maxLength: 6 }),
  primaryKeySize: fc.integer({ min: 1, max: 3 }),
  indexes: fc.array(indexArb, { maxLength: 2 }),
});

const ACTIONS = [
  'NO ACTION',
  'RESTRICT',
  'CASCADE',
  'SET NULL',
  'SET DEFAULT',
  'set null',
  'cascade',
] as const;

const foreignKeyArb = fc.record({
  source: fc.nat(),
  target: fc.nat(),
  nullable: fc.boolean(),
  onDelete: opt(fc.constantFrom(...ACTIONS)),
  onUpdate: opt(fc.constantFrom(...ACTIONS)),
  name: opt(nameArb),
  columnNames: fc.array(nameArb, { minLength: 3, maxLength: 3 }),
  indexed: fc.boolean(),
});

const enumArb = fc.record({
  name: nameArb,
  values: fc.uniqueArray(
    fc.oneof(
      fc.string({ unit: fc.constantFrom(...NAME_CHARS), minLength: 1, maxLength: 10 }),
      fc.constantFrom('x'.repeat(63), 'é'.repeat(31)),
    ),
    { minLength: 1, maxLength: 5 },
  ),
  comment: opt(textArb),
});

const blueprintArb = fc.record({
  enums: fc.array(enumArb, { maxLength: 3 }),
  tables: fc.array(tableArb, { minLength: 1, maxLength: 5 }),
  foreignKeys: fc.array(foreignKeyArb, { maxLength: 6 }),
});

type Blueprint = typeof blueprintArb extends fc.Arbitrary<infer T> ? T : never;

/** Names PostgreSQL itself reserves; validation does not know them (see the report). */
interface Reserved {
  /** pg_catalog types: a quoted reference to an enum called "text" would resolve to pg_catalog.text. */
  types: ReadonlySet<string>;
  /** pg_catalog relations: `REFERENCES "pg_class"` would resolve to the system catalog. */
  relations: ReadonlySet<string>;
}

const SYSTEM_COLUMNS = new Set(['tableoid', 'xmin', 'cmin', 'xmax', 'cmax', 'ctid']);

/** Allocates distinct names (case-insensitively, which is stricter than PostgreSQL). */
class Names {
  readonly #taken = new Set<string>();
  #counter = 0;
  constructor(private readonly prefix: string) {}
  take(name: string, reserved: (name: string) => boolean = () => false): string {
    let candidate = name;
    while (this.#taken.has(candidate.toLowerCase()) || reserved(candidate)) {
      this.#counter += 1;
      candidate = `${this.prefix}${this.#counter}`;
    }
    this.#taken.add(candidate.toLowerCase());
    return candidate;
  }
  has(name: string): boolean {
    return this.#taken.has(name.toLowerCase());
  }
}

const JSON_TYPES = new Set(['JSON']);
const isJson = (column: ColumnDocument) => JSON_TYPES.has(canonicalDataType(column.dataType) ?? '');

function buildDesign(blueprint: Blueprint, reserved: Reserved): DesignDocument {
  const types = new Names('type_');
  const relations = new Names('rel_');
  const enums: EnumDocument[] = blueprint.enums.map((e, i) => ({
    id: `enum_${i}`,
    name: types.take(e.name, (n) => reserved.types.has(n)),
    values: e.values,
    ...(e.comment === undefined ? {} : { comment: e.comment }),
  }));

  const tables: TableDocument[] = blueprint.tables.map((t, ti) => {
    const name = types.take(t.name, (n) => reserved.types.has(n) || reserved.relations.has(n));
    relations.take(name);
    const columnNames = new Names('col_');
    const columns = t.columns.map((c, ci): ColumnDocument => {
      const { typed } = c;
      const enumType = enums.length > 0 ? enums[c.pick % enums.length] : undefined;
      const isEnum = typed.dataType.toUpperCase() === 'ENUM';
      const dataType = isEnum && !enumType ? 'TEXT' : typed.dataType;
      const integer = ['SMALLINT', 'INTEGER', 'BIGINT'].includes(canonicalDataType(dataType) ?? '');
      const autoIncrement = integer && c.autoIncrement;
      let defaultValue = isEnum ? undefined : typed.defaultValue;
      if (isEnum && enumType && typed.enumDefault)
        defaultValue = enumType.values[c.pick % enumType.values.length];
      return {
        id: `t${ti}_c${ci}`,
        name: columnNames.take(c.name, (n) => SYSTEM_COLUMNS.has(n)),
        dataType,
        ...(typed.length === undefined ? {} : { length: typed.length }),
        ...(typed.precision === undefined ? {} : { precision: typed.precision }),
        ...(typed.scale === undefined ? {} : { scale: typed.scale }),
        ...(isEnum && enumType ? { enumId: enumType.id } : {}),
        nullable: c.nullable,
        autoIncrement,
        ...(autoIncrement || defaultValue === undefined ? {} : { defaultValue }),
        unique: c.unique,
        ...(c.comment === undefined ? {} : { comment: c.comment }),
      };
    });
    // The primary key: the first columns that can be indexed (json has no btree operator class).
    const keyable = columns.filter((c) => !isJson(c));
    if (keyable.length === 0) {
      const id: ColumnDocument = {
        id: `t${ti}_id`,
        name: columnNames.take('id'),
        dataType: 'INT',
        autoIncrement: true,
      };
      columns.unshift(id);
      keyable.push(id);
    }
    for (const column of keyable.slice(0, t.primaryKeySize)) {
      column.primaryKey = true;
      column.nullable = false;
    }
    for (const column of columns) if (isJson(column)) column.unique = false;
    return {
      id: `t${ti}`,
      name,
      columns,
      indexes: [],
      ...(t.comment === undefined ? {} : { comment: t.comment }),
    };
  });

  // Indexes: names unique among tables and indexes.
  blueprint.tables.forEach((t, ti) => {
    const table = tables[ti];
    if (!table) return;
    const indexable = table.columns.filter((c) => !isJson(c));
    for (const idx of t.indexes) {
      const columns = [...new Set(idx.columns.map((k) => indexable[k % indexable.length]?.name ?? ''))];
      const wanted = idx.adversarial ? `${table.name}${idx.adversarial}` : idx.name;
      const name = relations.take(utf8(wanted) <= 63 ? wanted : idx.name, (n) => reserved.relations.has(n));
      table.indexes?.push({ id: `${table.id}_i${table.indexes.length}`, name, columns, unique: idx.unique });
    }
  });

  // Foreign keys: new columns on the source table, typed like the target's primary key.
  const fkNames = new Map<string, Names>();
  const foreignKeys: ForeignKeyDocument[] = blueprint.foreignKeys.map((f, fi) => {
    const source = tables[f.source % tables.length];
    const target = tables[f.target % tables.length];
    if (!source || !target) throw new Error('no tables');
    const targetColumns = target.columns.filter((c) => c.primaryKey === true);
    const setsNull = [f.onDelete, f.onUpdate].some((a) => a !== undefined && /^set /i.test(a));
    const columnNames = new Names('fkcol_');
    for (const c of source.columns) columnNames.take(c.name);
    const sourceColumns = targetColumns.map(
      (tc, k): ColumnDocument => ({
        id: `${source.id}_fk${fi}_${k}`,
        name: columnNames.take(f.columnNames[k] ?? `fk${fi}_${k}`, (n) => SYSTEM_COLUMNS.has(n)),
        dataType: tc.dataType,
        ...(tc.length == null ? {} : { length: tc.length }),
        ...(tc.precision == null ? {} : { precision: tc.precision }),
        ...(tc.scale == null ? {} : { scale: tc.scale }),
        ...(tc.enumId == null ? {} : { enumId: tc.enumId }),
        nullable: f.nullable || setsNull,
      }),
    );
    source.columns.push(...sourceColumns);
    if (f.indexed) {
      source.indexes?.push({
        id: `${source.id}_fki${fi}`,
        name: relations.take(`fk_${fi}_idx`, (n) => reserved.relations.has(n)),
        columns: sourceColumns.map((c) => c.name),
        unique: false,
      } satisfies IndexDocument);
    }
    let names = fkNames.get(source.id);
    if (!names) {
      names = new Names('fk_');
      fkNames.set(source.id, names);
    }
    return {
      id: `fk${fi}`,
      ...(f.name === undefined ? {} : { name: names.take(f.name) }),
      sourceTableId: source.id,
      sourceColumnIds: sourceColumns.map((c) => c.id),
      targetTableId: target.id,
      targetColumnIds: targetColumns.map((c) => c.id),
      ...(f.onDelete === undefined ? {} : { onDelete: f.onDelete }),
      ...(f.onUpdate === undefined ? {} : { onUpdate: f.onUpdate }),
    };
  });

  return { name: 'random design', enums, tables, foreignKeys };
}

// ---------------------------------------------------------------------------------------------

/** Thrown to roll back each run's transaction. */
const ROLLBACK = new Error('rollback');

describe('generated DDL for random valid designs', () => {
  let db: TestDatabase;
  let reserved: Reserved;

  beforeAll(async () => {
    db = await createTestDatabase('sbddlprop');
    const typeRows = await db.sql<{ name: string }[]>`
      select typname::text as name from pg_type where typnamespace = 'pg_catalog'::regnamespace`;
    const relationRows = await db.sql<{ name: string }[]>`
      select relname::text as name from pg_class where relnamespace = 'pg_catalog'::regnamespace`;
    reserved = {
      types: new Set(typeRows.map((r) => r.name)),
      relations: new Set(relationRows.map((r) => r.name)),
    };
  });

  afterAll(async () => {
    await db?.drop();
  });

  test('the arbitrary only produces valid designs', () => {
    fc.assert(
      fc.property(blueprintArb, (blueprint) => {
        const doc = buildDesign(blueprint, reserved);
        const report = validateDesign(doc);
        expect(report.errors).toEqual([]);
      }),
      { numRuns: NUM_RUNS * 5 },
    );
  });

  test('executes on PostgreSQL, defaults evaluate, and the catalog has the design’s objects', async () => {
    await fc.assert(
      fc.asyncProperty(blueprintArb, async (blueprint) => {
        const doc = buildDesign(blueprint, reserved);
        expect(validateDesign(doc).errors).toEqual([]);
        const design = normalizeDesign(doc);
        const { sql } = generateDdl(design);
        expect(generateDdl(normalizeDesign(structuredClone(doc))).sql).toBe(sql);

        let catalog: CatalogSnapshot | undefined;
        await db.sql
          .begin(async (tx) => {
            await tx.unsafe(sql).simple();
            await evaluateDefaults(tx);
            catalog = await readCatalog(tx);
            throw ROLLBACK;
          })
          .catch((error: unknown) => {
            if (error === ROLLBACK) return;
            throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- SQL ---\n${sql}`);
          });
        if (!catalog) throw new Error('no catalog');

        const tables = Object.values(catalog.tables);
        expect(Object.keys(catalog.tables).sort()).toEqual(design.tables.map((t) => t.name).sort());
        expect(tables.flatMap((t) => t.foreignKeys)).toHaveLength(design.foreignKeys.length);
        expect(tables.flatMap((t) => t.indexes)).toHaveLength(design.tables.flatMap((t) => t.indexes).length);
        expect(tables.filter((t) => t.primaryKey !== null)).toHaveLength(design.tables.length);
        expect(Object.keys(catalog.enums).sort()).toEqual(design.enums.map((e) => e.name).sort());
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
