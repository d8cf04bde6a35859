import type { ReferentialAction } from '@schema-builder/schema-model/design';
import { REFERENTIAL_ACTIONS } from '@schema-builder/schema-model/design';
import type {
  IntrospectedForeignKey,
  IntrospectedIndex,
  IntrospectedTable,
} from '@schema-builder/schema-model/import';
import type { Row } from './rows.ts';
import { groupBy, integer, text, textOrNull } from './rows.ts';

/** STATISTICS rows; MySQL 8.0.13+ has EXPRESSION (a functional key part), MariaDB has no such keys. */
export function statisticsSql(mariadb: boolean): string {
  return `
  select TABLE_NAME as tableName, INDEX_NAME as name, NON_UNIQUE as nonUnique, SEQ_IN_INDEX as seq,
         COLUMN_NAME as columnName, SUB_PART as subPart, INDEX_TYPE as type, COLLATION as sortOrder,
         ${mariadb ? 'null' : 'EXPRESSION'} as expression
  from information_schema.STATISTICS where TABLE_SCHEMA = ? order by TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`;
}

export const FOREIGN_KEYS_SQL = `
  select k.TABLE_NAME as tableName, k.CONSTRAINT_NAME as name, k.COLUMN_NAME as columnName,
         k.REFERENCED_TABLE_SCHEMA as refSchema, k.REFERENCED_TABLE_NAME as refTable,
         k.REFERENCED_COLUMN_NAME as refColumn, r.UPDATE_RULE as onUpdate, r.DELETE_RULE as onDelete
  from information_schema.KEY_COLUMN_USAGE k
  join information_schema.REFERENTIAL_CONSTRAINTS r
    on r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA and r.TABLE_NAME = k.TABLE_NAME and r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
  where k.TABLE_SCHEMA = ? and k.REFERENCED_TABLE_NAME is not null
  order by k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`;

/**
 * The primary key, unique keys and other indexes of one table from its STATISTICS rows. In
 * MySQL a UNIQUE KEY is both constraint and index: plain unique B-tree keys are unique
 * constraints; one with a prefix length, an expression or another index type is an index.
 */
export function addKeys(table: IntrospectedTable, statistics: readonly Row[]): void {
  for (const [name, parts] of groupBy(statistics, 'name')) {
    const columns = parts.map((part) => textOrNull(part, 'columnName') ?? '(expression)');
    const expression = parts.some((part) => textOrNull(part, 'columnName') === null);
    const type = text(parts[0] ?? {}, 'type').toUpperCase();
    const options = parts.flatMap((part) => {
      const column = textOrNull(part, 'columnName') ?? 'expression';
      const prefix = textOrNull(part, 'subPart');
      return prefix !== null ? [`prefix length ${prefix} on ${column}`] : [];
    });
    // MySQL and MariaDB sort NULLs first ascending and last descending: no choice to read.
    const keys = parts.map((part) => {
      const column = textOrNull(part, 'columnName');
      const descending = textOrNull(part, 'sortOrder') === 'D';
      return column !== null
        ? { column, descending }
        : { expression: textOrNull(part, 'expression') ?? '', descending };
    });
    const descending = keys.some((key) => key.descending);
    const unique = parts.every((part) => integer(part, 'nonUnique') === 0);
    if (name === 'PRIMARY') {
      table.primaryKey = { name, columns };
    } else if (unique && type === 'BTREE' && !expression && !descending && options.length === 0) {
      table.uniqueConstraints.push({ name, columns });
    } else {
      const index: IntrospectedIndex = {
        name,
        columns,
        unique,
        partial: false,
        expression,
        method: type === 'BTREE' ? null : type.toLowerCase(),
        options,
        definition: null,
        keys,
      };
      table.indexes.push(index);
    }
  }
}

const action = (rule: string): ReferentialAction =>
  REFERENTIAL_ACTIONS.find((known) => known === rule.toUpperCase()) ?? 'NO ACTION';

/** The foreign keys of one table from its KEY_COLUMN_USAGE rows (one row per column). */
export function foreignKeys(database: string, usage: readonly Row[]): IntrospectedForeignKey[] {
  return [...groupBy(usage, 'name')].map(([name, parts]) => {
    const first = parts[0] ?? {};
    const refSchema = text(first, 'refSchema');
    return {
      name,
      columns: parts.map((part) => text(part, 'columnName')),
      refSchema: refSchema === database ? null : refSchema,
      refTable: text(first, 'refTable'),
      refColumns: parts.map((part) => text(part, 'refColumn')),
      onDelete: action(text(first, 'onDelete')),
      onUpdate: action(text(first, 'onUpdate')),
      options: [],
    };
  });
}
