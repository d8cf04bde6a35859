import type { ReferentialAction } from '@schema-builder/schema-model/design';
import type {
  IntrospectedCatalog,
  IntrospectedColumn,
  IntrospectedEnum,
  IntrospectedTable,
  UnsupportedObject,
} from '@schema-builder/schema-model/import';
import { checkClauseBody } from '@schema-builder/schema-model/import';
import type postgres from 'postgres';
import type { Tx } from './client.ts';
import { notInExtension } from './client.ts';
import type { ColumnRow, TableRow } from './columns.ts';
import { readColumns, readEnums, readTables } from './columns.ts';
import type { ConstraintRow } from './constraints.ts';
import { readConstraints } from './constraints.ts';
import { readIndexes } from './indexes.ts';
import { readUnsupported } from './unsupported.ts';
import { readViewNames, readViews } from './views.ts';

export interface IntrospectPostgresOptions {
  /**
   * The schema to read; default `public`. With `schemas`, the one the design's default schema
   * stands for (`catalog.schema`), read when `schemas` includes it.
   */
  schema?: string;
  /**
   * Read several schemas into one catalog: these names, or `'all'` for every schema but
   * PostgreSQL's own (pg_catalog, information_schema, pg_toast*, pg_temp*) and those an
   * extension created. The tables and enums of each one other than `schema` name it.
   */
  schemas?: readonly string[] | 'all';
}

/** Thrown when the schema to read does not exist. */
export class SchemaNotFoundError extends Error {
  override name = 'SchemaNotFoundError';
}

interface Namespace {
  oid: number;
  name: string;
  comment: string | null;
}

/**
 * Reads one schema of a PostgreSQL database from pg_catalog (or several: `schemas`): seven
 * queries a schema in one read-only, repeatable-read transaction (a consistent snapshot),
 * whatever the number of tables. Partitions are reported, not imported: their partitioned table
 * stands for them.
 */
export async function introspectPostgres(
  sql: postgres.Sql,
  { schema = 'public', schemas }: IntrospectPostgresOptions = {},
): Promise<IntrospectedCatalog> {
  return sql.begin('isolation level repeatable read read only', async (tx) => {
    if (schemas === undefined) {
      const [namespace] = await tx<
        { oid: number }[]
      >`select oid::int as oid from pg_namespace where nspname = ${schema}`;
      if (!namespace) throw new SchemaNotFoundError(`schema ${JSON.stringify(schema)} does not exist`);
      const read = await readSchema(tx, schema, namespace.oid, [namespace.oid]);
      const views = await readViews(tx, namespace.oid, schema);
      return { schema, tables: read.tables, enums: read.enums, views, unsupported: read.unsupported };
    }
    const namespaces = await readNamespaces(tx, schemas);
    const oids = namespaces.map((n) => n.oid);
    const names = new Set(namespaces.map((n) => n.name));
    const tables: IntrospectedTable[] = [];
    const enums: IntrospectedEnum[] = [];
    const unsupported: UnsupportedObject[] = [];
    const reported = new Set<string>();
    for (const namespace of namespaces) {
      const read = await readSchema(tx, namespace.name, namespace.oid, oids);
      const own = namespace.name === schema ? {} : { schema: namespace.name };
      tables.push(...read.tables.map((table) => ({ ...table, ...own })));
      enums.push(...read.enums.map((e) => ({ ...e, ...own })));
      for (const object of read.unsupported) {
        // Tables of the other schemas read are not outside; each schema's run lists the same ones.
        if (object.kind === 'table_outside_schema' && object.schema !== undefined && names.has(object.schema))
          continue;
        const placed = object.schema === undefined ? { ...object, ...own } : object;
        const key = JSON.stringify([placed.kind, placed.schema, placed.table, placed.name]);
        if (reported.has(key)) continue;
        reported.add(key);
        unsupported.push(placed);
      }
    }
    const others = namespaces.filter((n) => n.name !== schema);
    // Views of the other schemas are listed, not read (a design's views are in its default schema
    // until schemas are wired to them); last, as reading views sets the search path.
    for (const view of await readViewNames(
      tx,
      others.map((n) => n.oid),
    ))
      unsupported.push({
        kind: 'view',
        name: view.name,
        schema: view.schema,
        detail: 'a view outside the default schema is not imported yet',
      });
    const home = namespaces.find((n) => n.name === schema);
    const views = home === undefined ? [] : await readViews(tx, home.oid, schema);
    return {
      schema,
      ...(others.length > 0 ? { schemas: others.map(({ name, comment }) => ({ name, comment })) } : {}),
      tables,
      enums,
      views,
      unsupported,
    };
  });
}

/** The schemas to read, by name (default one first, then by name); a listed one that is missing throws. */
async function readNamespaces(tx: Tx, wanted: readonly string[] | 'all'): Promise<Namespace[]> {
  const rows = await tx.unsafe<Namespace[]>(
    `select n.oid::int as oid, n.nspname::text as name, obj_description(n.oid, 'pg_namespace') as comment
     from pg_namespace n
     where n.nspname not in ('pg_catalog', 'information_schema')
       and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp\\_%'
       and ${notInExtension('pg_namespace', 'n.oid')}
     order by n.nspname <> 'public', n.nspname`,
  );
  if (wanted === 'all') return rows;
  const byName = new Map(rows.map((row) => [row.name, row]));
  return wanted.map((name) => {
    const found = byName.get(name);
    if (!found) throw new SchemaNotFoundError(`schema ${JSON.stringify(name)} does not exist`);
    return found;
  });
}

/** One schema's tables, enums and what the design cannot hold; `enumNamespaces`: every schema being read. */
async function readSchema(
  tx: Tx,
  schema: string,
  ns: number,
  enumNamespaces: readonly number[],
): Promise<Pick<IntrospectedCatalog, 'tables' | 'enums' | 'unsupported'>> {
  const [tableRows, columnRows, constraintRows, indexRows, enumRows, unsupportedRows] = await Promise.all([
    readTables(tx, ns),
    readColumns(tx, ns, enumNamespaces),
    readConstraints(tx, ns),
    readIndexes(tx, ns),
    readEnums(tx, ns),
    readUnsupported(tx, ns),
  ]);

  const unsupported: UnsupportedObject[] = unsupportedRows.map((row) => ({
    kind: row.kind,
    name: row.name,
    ...(row.table !== null ? { table: row.table } : {}),
    ...(row.schema !== null ? { schema: row.schema } : {}),
    ...(row.detail !== null ? { detail: row.detail } : {}),
  }));
  const tables = new Map<number, IntrospectedTable>();
  for (const row of tableRows) {
    const inherited = partitionOrInheritance(row);
    if (inherited) unsupported.push(inherited);
    if (!row.isPartition) tables.set(row.oid, emptyTable(row));
  }
  for (const row of columnRows) tables.get(row.table)?.columns.push(column(row, schema));
  for (const row of constraintRows) {
    const table = tables.get(row.table);
    if (table) addConstraint(table, row, schema, unsupported);
  }
  for (const row of indexRows) {
    const { table: oid, method, keys, where, functions, ...rest } = row;
    tables.get(oid)?.indexes.push({
      ...rest,
      method: method === 'btree' ? null : method,
      keys: keys.map((key) => ({
        ...(key.column !== null ? { column: key.column } : { expression: key.expression ?? '' }),
        descending: key.descending,
        nullsFirst: key.nullsFirst,
      })),
      ...(where !== null ? { where } : {}),
      ...(functions.length > 0 ? { functions } : {}),
    });
  }
  return {
    tables: [...tables.values()],
    enums: enumRows.map((row) => ({ name: row.name, values: row.values, comment: row.comment })),
    unsupported,
  };
}

function emptyTable(row: TableRow): IntrospectedTable {
  return {
    name: row.name,
    comment: row.comment,
    columns: [],
    primaryKey: null,
    uniqueConstraints: [],
    indexes: [],
    foreignKeys: [],
  };
}

function partitionOrInheritance(row: TableRow): UnsupportedObject | undefined {
  const [parent] = row.parents;
  if (parent === undefined) return undefined;
  if (row.isPartition) return { kind: 'partition', name: row.name, table: parent };
  return {
    kind: 'inherited_table',
    name: row.name,
    table: row.name,
    detail: `inherits from ${row.parents.join(', ')}`,
  };
}

function column(row: ColumnRow, schema: string): IntrospectedColumn {
  const generated = row.generated !== '';
  return {
    name: row.name,
    // An array of an enum keeps its brackets: `mood[]`.
    nativeType: row.enumName === null ? row.type : `${row.enumName}${row.type.endsWith('[]') ? '[]' : ''}`,
    ...(row.enumName !== null ? { enumName: row.enumName } : {}),
    ...(row.enumSchema !== null && row.enumSchema !== schema ? { enumSchema: row.enumSchema } : {}),
    ...(row.domain !== null ? { domain: row.domain } : {}),
    nullable: !row.notNull,
    default: generated ? null : row.default,
    autoIncrement: row.identity !== '',
    ...(row.identity === 'a' ? { identityAlways: true } : {}),
    ...(row.ownedSequence !== null ? { ownedSequence: row.ownedSequence } : {}),
    ...(generated && row.default !== null
      ? {
          generated: row.default,
          generatedKind: 'stored' as const,
          ...(row.functions.length > 0 ? { functions: row.functions } : {}),
        }
      : {}),
    ...(row.collation !== null ? { collation: row.collation } : {}),
    comment: row.comment,
  };
}

const ACTIONS: Readonly<Record<string, ReferentialAction>> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

function addConstraint(
  table: IntrospectedTable,
  row: ConstraintRow,
  schema: string,
  unsupported: UnsupportedObject[],
): void {
  switch (row.type) {
    case 'p':
      table.primaryKey = { name: row.name, columns: row.columns };
      return;
    case 'u':
      table.uniqueConstraints.push({ name: row.name, columns: row.columns });
      return;
    case 'f': {
      const options = [
        ...(row.deferrable ? [row.deferred ? 'DEFERRABLE INITIALLY DEFERRED' : 'DEFERRABLE'] : []),
        ...(row.match === 'f' ? ['MATCH FULL'] : []),
      ];
      table.foreignKeys.push({
        name: row.name,
        columns: row.columns,
        refSchema: row.refSchema === schema ? null : row.refSchema,
        refTable: row.refTable ?? '',
        refColumns: row.refColumns,
        onDelete: ACTIONS[row.onDelete] ?? 'NO ACTION',
        onUpdate: ACTIONS[row.onUpdate] ?? 'NO ACTION',
        options,
      });
      return;
    }
    case 'c': {
      // `CHECK ((price > 0)) NOT VALID`: the expression as PostgreSQL deparses it, and its options.
      const { expression, rest } = checkClauseBody(row.definition ?? '');
      const options = ['NOT VALID', 'NO INHERIT'].filter((option) => rest.toUpperCase().includes(option));
      const uses = row.uses && row.uses.length > 0 ? { uses: row.uses } : {};
      table.checks = [
        ...(table.checks ?? []),
        { name: row.name, expression, columns: row.columns, options, ...uses },
      ];
      return;
    }
    default:
      unsupported.push({
        kind: 'exclusion_constraint',
        name: row.name,
        table: table.name,
        ...(row.definition !== null ? { detail: row.definition } : {}),
      });
  }
}
