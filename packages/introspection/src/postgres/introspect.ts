import type { ReferentialAction } from '@schema-builder/schema-model/design';
import type {
  IntrospectedCatalog,
  IntrospectedColumn,
  IntrospectedTable,
  UnsupportedObject,
} from '@schema-builder/schema-model/import';
import type postgres from 'postgres';
import type { ColumnRow, TableRow } from './columns.ts';
import { readColumns, readEnums, readTables } from './columns.ts';
import type { ConstraintRow } from './constraints.ts';
import { readConstraints } from './constraints.ts';
import { readIndexes } from './indexes.ts';
import { readUnsupported } from './unsupported.ts';

export interface IntrospectPostgresOptions {
  /** The schema to read; default `public`. */
  schema?: string;
}

/** Thrown when the schema to read does not exist. */
export class SchemaNotFoundError extends Error {
  override name = 'SchemaNotFoundError';
}

/**
 * Reads one schema of a PostgreSQL database from pg_catalog: seven queries in one read-only,
 * repeatable-read transaction (a consistent snapshot), whatever the number of tables.
 * Partitions are reported, not imported: their partitioned table stands for them.
 */
export async function introspectPostgres(
  sql: postgres.Sql,
  { schema = 'public' }: IntrospectPostgresOptions = {},
): Promise<IntrospectedCatalog> {
  return sql.begin('isolation level repeatable read read only', async (tx) => {
    const [namespace] = await tx<
      { oid: number }[]
    >`select oid::int as oid from pg_namespace where nspname = ${schema}`;
    if (!namespace) throw new SchemaNotFoundError(`schema ${JSON.stringify(schema)} does not exist`);
    const ns = namespace.oid;
    const [tableRows, columnRows, constraintRows, indexRows, enumRows, unsupportedRows] = await Promise.all([
      readTables(tx, ns),
      readColumns(tx, ns),
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
    for (const row of columnRows) tables.get(row.table)?.columns.push(column(row));
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
      schema,
      tables: [...tables.values()],
      enums: enumRows.map((row) => ({ name: row.name, values: row.values, comment: row.comment })),
      unsupported,
    };
  });
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

function column(row: ColumnRow): IntrospectedColumn {
  const generated = row.generated !== '';
  return {
    name: row.name,
    nativeType: row.enumName ?? row.type,
    ...(row.enumName !== null ? { enumName: row.enumName } : {}),
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
    default:
      unsupported.push({
        kind: row.type === 'c' ? 'check_constraint' : 'exclusion_constraint',
        name: row.name,
        table: table.name,
        ...(row.definition !== null ? { detail: row.definition } : {}),
      });
  }
}
