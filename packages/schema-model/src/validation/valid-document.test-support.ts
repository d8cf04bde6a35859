import type {
  ColumnDocument,
  DesignDocument,
  ForeignKeyDocument,
  IndexDocument,
  TableDocument,
} from '../design/document.ts';
import type { IssueCode, ValidationIssue, ValidationReport } from './issue.ts';

/**
 * Shared by the validation tests: a small valid design to mutate.
 * tables[0] users(id, email), tables[1] orders(id, user_id → users.id, status ENUM order_status).
 */
export function validDocument(): DesignDocument {
  return {
    name: 'Shop',
    enums: [{ id: 'e_status', name: 'order_status', values: ['new', 'paid'] }],
    tables: [
      {
        id: 't_users',
        name: 'users',
        columns: [
          { id: 'c_users_id', name: 'id', dataType: 'BIGINT', primaryKey: true, autoIncrement: true },
          {
            id: 'c_users_email',
            name: 'email',
            dataType: 'VARCHAR',
            length: 255,
            nullable: false,
            unique: true,
          },
        ],
      },
      {
        id: 't_orders',
        name: 'orders',
        columns: [
          { id: 'c_orders_id', name: 'id', dataType: 'BIGINT', primaryKey: true, autoIncrement: true },
          { id: 'c_orders_user', name: 'user_id', dataType: 'BIGINT', nullable: false },
          {
            id: 'c_orders_status',
            name: 'status',
            dataType: 'ENUM',
            enumId: 'e_status',
            defaultValue: 'new',
          },
        ],
        indexes: [{ id: 'i_orders_user', name: 'orders_user_id_idx', columns: ['user_id'] }],
      },
    ],
    foreignKeys: [
      {
        id: 'fk_orders_user',
        sourceTableId: 't_orders',
        sourceColumnId: 'c_orders_user',
        targetTableId: 't_users',
        targetColumnId: 'c_users_id',
        onDelete: 'CASCADE',
      },
    ],
  };
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`test document has no ${what}`);
  return value;
}

export const tableAt = (doc: DesignDocument, t: number): TableDocument => must(doc.tables[t], `tables[${t}]`);

export const columnAt = (doc: DesignDocument, t: number, c: number): ColumnDocument =>
  must(tableAt(doc, t).columns[c], `tables[${t}].columns[${c}]`);

export const indexAt = (doc: DesignDocument, t: number, i: number): IndexDocument =>
  must(tableAt(doc, t).indexes?.[i], `tables[${t}].indexes[${i}]`);

export const foreignKeyAt = (doc: DesignDocument, f: number): ForeignKeyDocument =>
  must(doc.foreignKeys?.[f], `foreignKeys[${f}]`);

/** Errors then warnings, optionally only those with `code`. */
export function issuesOf(report: ValidationReport, code?: IssueCode): ValidationIssue[] {
  const all = [...report.errors, ...report.warnings];
  return code ? all.filter((issue) => issue.code === code) : all;
}

/** `code@path` of every issue, for compact assertions. */
export function summary(report: ValidationReport): string[] {
  return issuesOf(report).map((issue) => `${issue.severity} ${issue.code} ${issue.path}`);
}
