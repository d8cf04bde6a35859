import { canonicalDataType } from '../design/data-types.ts';
import type {
  ColumnDocument,
  DesignDocument,
  EnumDocument,
  ForeignKeyDocument,
  IndexDocument,
  TableDocument,
} from '../design/document.ts';
import { SYSTEM_COLUMNS } from '../validation/reserved-names.ts';
import type { Blueprint } from './design-arbitrary.test-support.ts';
import { utf8 } from './design-arbitrary-names.test-support.ts';

/** Test support: `buildDesign` turns random choices (a `Blueprint`) into a valid document. */

/** Names PostgreSQL itself reserves; validation does not know them (see the report). */
export interface Reserved {
  /** pg_catalog types: a quoted reference to an enum called "text" would resolve to pg_catalog.text. */
  types: ReadonlySet<string>;
  /** pg_catalog relations: `REFERENCES "pg_class"` would resolve to the system catalog. */
  relations: ReadonlySet<string>;
}

/** The names the server's own catalog holds, which a random design must not take. */
export async function readReserved(
  query: (text: string) => Promise<Array<{ name: string }>>,
): Promise<Reserved> {
  const names = async (table: string, column: string, namespace: string) =>
    new Set(
      (
        await query(
          `select ${column}::text as name from ${table} where ${namespace} = 'pg_catalog'::regnamespace`,
        )
      ).map((r) => r.name),
    );
  return {
    types: await names('pg_type', 'typname', 'typnamespace'),
    relations: await names('pg_class', 'relname', 'relnamespace'),
  };
}

export { SYSTEM_COLUMNS };

/** Allocates distinct names (case-insensitively, which is stricter than PostgreSQL). */
class Names {
  readonly #taken = new Set<string>();
  #counter = 0;
  constructor(private readonly prefix: string) {}
  take(name: string, reserved: (name: string) => boolean = () => false): string {
    let candidate = name;
    // `pg_` prefixes are PostgreSQL's (validation refuses them for tables, indexes and enums).
    while (this.#taken.has(candidate.toLowerCase()) || reserved(candidate) || candidate.startsWith('pg_')) {
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
export const isJson = (column: ColumnDocument) => JSON_TYPES.has(canonicalDataType(column.dataType) ?? '');

export function buildDesign(blueprint: Blueprint, reserved: Reserved): DesignDocument {
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
      const autoIncrement = integer && typed.array !== true && c.autoIncrement;
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
        ...(typed.unsigned === undefined ? {} : { unsigned: typed.unsigned }),
        ...(isEnum && enumType ? { enumId: enumType.id } : {}),
        ...(typed.array === true ? { array: true } : {}),
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
        ...(tc.unsigned == null ? {} : { unsigned: tc.unsigned }),
        ...(tc.enumId == null ? {} : { enumId: tc.enumId }),
        ...(tc.array === true ? { array: true } : {}),
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
