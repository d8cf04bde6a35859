import type { Design } from '../design/model.ts';
import type { ValidationIssue } from './issue.ts';
import { formatPath } from './issue.ts';

/**
 * Keys and indexes MySQL refuses over an array column: the export makes it a JSON column, which
 * MySQL 8 cannot index at all ("JSON column cannot be used in key specification"; MariaDB,
 * whose JSON is LONGTEXT, takes its first 191 characters). An error for `?dialect=mysql`.
 */
export function mysqlArrayKeys(design: Design): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  design.tables.forEach((table, t) => {
    const arrays = new Map(table.columns.filter((c) => c.type.array === true).map((c) => [c.id, c.name]));
    if (arrays.size === 0) return;
    const refuse = (ids: readonly string[], path: PropertyKey[], what: string) => {
      const names = ids.flatMap((id) => arrays.get(id) ?? []);
      if (names.length > 0)
        out.push({
          code: 'ARRAY_NOT_INDEXABLE',
          severity: 'error',
          path: formatPath(path),
          message: `MySQL refuses ${what}: ${names.join(', ')} ${names.length === 1 ? 'is an array' : 'are arrays'}, exported as JSON, which MySQL cannot index`,
        });
    };
    refuse(table.primaryKey, ['tables', t, 'primaryKey'], `the primary key of ${table.name}`);
    table.columns.forEach((column, c) => {
      if (column.unique)
        refuse([column.id], ['tables', t, 'columns', c, 'unique'], `the unique key on ${column.name}`);
    });
    table.indexes.forEach((index, i) => {
      refuse(index.columnIds, ['tables', t, 'indexes', i], `index ${index.name} of ${table.name}`);
    });
  });
  return out;
}
