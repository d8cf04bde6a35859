import type { ColumnDocument, TableDocument } from '../design/document.ts';
import { foreignKeyColumnRefs } from '../design/lookup.ts';
import { referentialAction } from '../design/normalize.ts';
import { columnsReferenced } from '../sql-expression/references.ts';
import type { ValidationContext } from './context.ts';
import { capitalize, columnLabel, quoted } from './context.ts';
import { expressionIssue } from './expressions.ts';

const hasDefault = (column: ColumnDocument) => column.defaultValue != null && column.defaultValue !== '';

/**
 * A table's generated columns, by PostgreSQL's rules: the expression is one expression over
 * columns of the same table that are not generated themselves; the column has no default, is
 * not an identity and not part of the primary key. (That every function in it is immutable is
 * PostgreSQL's to judge when the DDL runs: the design does not know the server's functions.)
 */
export function checkGeneratedColumns(ctx: ValidationContext, table: TableDocument, t: number): void {
  table.columns.forEach((column, c) => {
    if (!column.generated) return;
    const path = ['tables', t, 'columns', c];
    const label = () => capitalize(columnLabel(table, t, column, c));
    if (hasDefault(column))
      ctx.error(
        'GENERATED_WITH_DEFAULT',
        [...path, 'defaultValue'],
        `${label()} is generated, so it cannot also have a default: its value is always computed.`,
      );
    if (column.autoIncrement === true)
      ctx.error(
        'GENERATED_WITH_IDENTITY',
        [...path, 'autoIncrement'],
        `${label()} is generated, so it cannot also be auto-incremented.`,
      );
    if (column.primaryKey === true)
      ctx.error(
        'GENERATED_IN_PRIMARY_KEY',
        [...path, 'primaryKey'],
        `${label()} is generated: PostgreSQL does not allow a generated column in the primary key.`,
      );
    const expressionPath = [...path, 'generated', 'expression'];
    const text = column.generated.expression;
    const problem = expressionIssue(text, 'expression', expressionPath);
    if (problem) {
      ctx.error(
        problem.code,
        expressionPath,
        `${label()}: its expression ${problem.message}${problem.message.endsWith('.') ? '' : '.'}`,
      );
      return;
    }
    for (const name of columnsReferenced(text)) {
      const used = table.columns.find((other) => other.name === name);
      if (!used)
        ctx.error(
          'GENERATED_UNKNOWN_COLUMN',
          expressionPath,
          `${label()} is computed from ${quoted(name)}, which the table does not have.`,
        );
      else if (used.generated)
        ctx.error(
          'GENERATED_REFERENCES_GENERATED',
          expressionPath,
          `${label()} is computed from ${quoted(name)}, which is generated too: PostgreSQL computes a generated column from stored columns only.`,
        );
    }
  });
}

/** PostgreSQL refuses a foreign-key action that would write into a generated column. */
export function checkGeneratedForeignKeys(ctx: ValidationContext): void {
  if (!ctx.doc.tables.some((table) => table.columns.some((column) => column.generated))) return;
  (ctx.doc.foreignKeys ?? []).forEach((fk, f) => {
    const table = ctx.lookup.tableById.get(fk.sourceTableId)?.table;
    if (!table) return;
    const generated = foreignKeyColumnRefs(fk)
      .source.map((id) => ctx.lookup.columnById(table, id))
      .find((column) => column?.generated);
    if (!generated) return;
    const writes = [
      ['onDelete', referentialAction(fk.onDelete), ['SET NULL', 'SET DEFAULT']],
      ['onUpdate', referentialAction(fk.onUpdate), ['CASCADE', 'SET NULL', 'SET DEFAULT']],
    ] as const;
    for (const [field, action, refused] of writes) {
      if (action === undefined || !(refused as readonly string[]).includes(action)) continue;
      ctx.error(
        'GENERATED_FK_ACTION',
        ['foreignKeys', f, field],
        `Foreign key ${f + 1} would set the generated column ${quoted(generated.name)} (${field} ${action}); PostgreSQL refuses that: a generated column is only computed.`,
      );
    }
  });
}
