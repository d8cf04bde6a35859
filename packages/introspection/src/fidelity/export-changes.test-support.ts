import type { ExportWarning, SqlDialect } from '@schema-builder/schema-model/ddl';
import { generateDdl } from '@schema-builder/schema-model/ddl';
import type { Column, ColumnType, Design } from '@schema-builder/schema-model/design';

/** A difference between a design and what its export built, at the design path it concerns. */
export interface ExportDifference {
  path: string;
  what: string;
}

const INTEGERS = new Set(['SMALLINT', 'INTEGER', 'BIGINT']);
const TEMPORAL = new Set(['TIME', 'TIMESTAMP', 'TIMESTAMPTZ']);

/**
 * The same values spelled by the target's own type: not a change. MySQL has no UUID type
 * (CHAR(36) holds the text form), one JSON type, DECIMAL for NUMERIC, and 0 fractional digits
 * when none are written; SQLite declares an enum TEXT with a CHECK on its values, which an import
 * reads as TEXT, stores every integer in up to 8 bytes and every float in 8 (it checks no
 * declared range: its `INTEGER PRIMARY KEY` rowid reads back as INTEGER whatever was declared).
 */
function spelling(type: ColumnType, dialect: SqlDialect): string {
  const t = { ...type };
  if (dialect === 'sqlite' && INTEGERS.has(t.dataType)) return 'INTEGER';
  if (dialect === 'sqlite' && t.dataType === 'REAL') t.dataType = 'DOUBLE';
  // MySQL's own default is 0 fractional digits: datetime(0) reads back as datetime.
  if (dialect === 'mysql' && t.precision === 0 && TEMPORAL.has(t.dataType)) delete t.precision;
  if (t.dataType === 'NUMERIC') t.dataType = 'DECIMAL';
  if (dialect === 'mysql' && t.dataType === 'UUID') return 'CHAR(36)';
  if (dialect === 'mysql' && t.dataType === 'JSONB') t.dataType = 'JSON';
  if (t.dataType === 'ENUM') return dialect === 'sqlite' ? 'TEXT' : 'ENUM';
  const args = [t.length, t.precision, t.scale].filter((n) => n !== undefined);
  return args.length === 0 ? t.dataType : `${t.dataType}(${args.join(',')})`;
}

function columnDifferences(before: Column, after: Column | undefined, dialect: SqlDialect): string[] {
  if (after === undefined) return ['column missing'];
  const out: string[] = [];
  const [a, b] = [spelling(before.type, dialect), spelling(after.type, dialect)];
  if (a !== b) out.push(`type ${a} → ${b}`);
  if (before.identity !== after.identity) out.push(`identity ${before.identity} → ${after.identity}`);
  if (before.nullable !== after.nullable) out.push(`nullable ${before.nullable} → ${after.nullable}`);
  // An identity's default is its numbering, compared above.
  if (!before.identity && (before.default === undefined) !== (after.default === undefined))
    out.push(`default ${before.default ? 'lost' : 'added'}`);
  return out;
}

/**
 * What the export changed, found by comparing the design with the design imported back from the
 * engine's catalog: tables, columns (type, identity, nullability, default) and foreign keys
 * (presence and actions), each at the design path of what it concerns.
 */
export function exportDifferences(design: Design, rebuilt: Design, dialect: SqlDialect): ExportDifference[] {
  const out: ExportDifference[] = [];
  const tables = new Map(rebuilt.tables.map((table) => [table.name, table]));
  design.tables.forEach((table, t) => {
    const other = tables.get(table.name);
    if (other === undefined) {
      out.push({ path: `tables[${t}]`, what: 'table missing' });
      return;
    }
    const columns = new Map(other.columns.map((column) => [column.name, column]));
    table.columns.forEach((column, c) => {
      for (const what of columnDifferences(column, columns.get(column.name), dialect))
        out.push({ path: `tables[${t}].columns[${c}]`, what });
    });
  });
  out.push(...checkDifferences(design, rebuilt));
  const nameOf = (d: Design, id: string) => d.tables.find((table) => table.id === id);
  const columnNames = (d: Design, tableId: string, ids: readonly string[]) =>
    ids.map((id) => nameOf(d, tableId)?.columns.find((column) => column.id === id)?.name).join(',');
  const key = (d: Design, fk: Design['foreignKeys'][number]) =>
    `${nameOf(d, fk.sourceTableId)?.name}(${columnNames(d, fk.sourceTableId, fk.sourceColumnIds)})→${nameOf(d, fk.targetTableId)?.name}(${columnNames(d, fk.targetTableId, fk.targetColumnIds)})`;
  const rebuiltKeys = new Map(rebuilt.foreignKeys.map((fk) => [key(rebuilt, fk), fk]));
  design.foreignKeys.forEach((fk, i) => {
    const other = rebuiltKeys.get(key(design, fk));
    if (other === undefined) out.push({ path: `foreignKeys[${i}]`, what: 'foreign key missing' });
    else if (other.onDelete !== fk.onDelete || other.onUpdate !== fk.onUpdate)
      out.push({
        path: `foreignKeys[${i}]`,
        what: `actions ${fk.onDelete}/${fk.onUpdate} → ${other.onDelete}/${other.onUpdate}`,
      });
  });
  return out;
}

/**
 * Checks the export did not build: a column's own check must come back on its column, a table
 * check under the name the DDL gave it (the engine's text of the expression differs; that it
 * still means the same is what `renderSqlExpression` guarantees, and the engines' tests prove).
 */
function checkDifferences(design: Design, rebuilt: Design): ExportDifference[] {
  const out: ExportDifference[] = [];
  const planned = new Map(
    generateDdl(design).plan.flatMap((s) =>
      s.kind === 'create_table' ? [[s.name, s.checks ?? []] as const] : [],
    ),
  );
  const tables = new Map(rebuilt.tables.map((table) => [table.name, table]));
  design.tables.forEach((table, t) => {
    const other = tables.get(table.name);
    if (other === undefined) return;
    const names = new Set((other.checks ?? []).map((check) => check.name));
    const checkedColumns = new Set(
      (other.checks ?? []).flatMap((check) =>
        other.columns.filter((c) => c.id === check.columnId).map((c) => c.name),
      ),
    );
    let position = 0;
    for (const check of planned.get(table.name) ?? []) {
      if (check.column !== undefined) {
        const c = table.columns.findIndex((column) => column.name === check.column);
        if (!checkedColumns.has(check.column))
          out.push({ path: `tables[${t}].columns[${c}].check`, what: 'check missing' });
      } else {
        if (!names.has(check.name))
          out.push({ path: `tables[${t}].checks[${position}].expression`, what: 'check missing' });
        position++;
      }
    }
  });
  return out;
}

/** The differences no warning of the export names (at the same path). */
export function silentDifferences(
  differences: readonly ExportDifference[],
  warnings: readonly ExportWarning[],
): ExportDifference[] {
  const warned = new Set(warnings.map((warning) => warning.path));
  return differences.filter((difference) => !warned.has(difference.path));
}
