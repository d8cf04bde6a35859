import type { SqlDialect } from '../ddl/generate.ts';
import { generateDdl } from '../ddl/generate.ts';
import { mysqlKeyBytes } from '../ddl/mysql/agree-keys.ts';
import { renderMysqlType } from '../ddl/mysql/render-type.ts';
import type { DesignDocument } from '../design/document.ts';
import type { Design } from '../design/model.ts';
import { normalizeDesign } from '../design/normalize.ts';
import { mysqlArrayKeys } from './dialect-arrays.ts';
import type { ValidationIssue } from './issue.ts';
import { formatPath } from './issue.ts';

/** InnoDB's longest index key (DYNAMIC rows, MySQL 5.7+, MariaDB 10.2+). */
const MYSQL_MAX_KEY_BYTES = 3072;

/**
 * What a target engine would refuse (errors) and what its export changes (warnings, the export's
 * own, at the same paths), for a design the general rules already accept. PostgreSQL is the
 * design's own dialect: nothing to add.
 */
export function checkDialect(doc: DesignDocument, dialect: SqlDialect, issues: ValidationIssue[]): void {
  if (dialect === 'postgresql') return;
  const design = normalizeDesign(doc);
  if (dialect === 'mysql') issues.push(...mysqlKeyTooLong(design), ...mysqlArrayKeys(design));
  // An expression the engine has no form of leaves the construct out: for that target, an error.
  for (const warning of generateDdl(design, { dialect }).warnings)
    issues.push({
      code: warning.code,
      // What the engine cannot have at all (the export leaves it out) is an error for that target.
      severity: warning.code === 'EXPRESSION_NOT_PORTABLE' ? 'error' : 'warning',
      path: warning.path,
      message: warning.message,
    });
}

/**
 * Keys InnoDB refuses as longer than 3,072 bytes (utf8mb4: 4 bytes a character; TEXT columns by
 * their 191-character prefix). The export cannot shorten a key without changing what it means.
 */
function mysqlKeyTooLong(design: Design): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const enums = new Map(design.enums.map((e) => [e.id, e.values]));
  design.tables.forEach((table, t) => {
    const bytes = (ids: readonly string[]) =>
      ids.reduce((sum, id) => {
        const column = table.columns.find((c) => c.id === id);
        if (column === undefined) return sum;
        const values = column.type.enumId === undefined ? [] : enums.get(column.type.enumId);
        return sum + mysqlKeyBytes(renderMysqlType(column.type, values));
      }, 0);
    const check = (ids: readonly string[], path: PropertyKey[], what: string) => {
      const total = bytes(ids);
      if (total > MYSQL_MAX_KEY_BYTES)
        out.push({
          code: 'KEY_TOO_LONG',
          severity: 'error',
          path: formatPath(path),
          message: `MySQL refuses ${what}: its key takes ${total} bytes, InnoDB allows ${MYSQL_MAX_KEY_BYTES} (utf8mb4 counts 4 bytes a character)`,
        });
    };
    check(table.primaryKey, ['tables', t, 'primaryKey'], `the primary key of ${table.name}`);
    table.indexes.forEach((index, i) => {
      check(index.columnIds, ['tables', t, 'indexes', i], `index ${index.name} of ${table.name}`);
    });
  });
  return out;
}
