import type { Design } from '../design/model.ts';

/**
 * What an export changed from the design to make its engine accept it, or could not keep. The
 * rule of every renderer: what it writes is exactly the design, or the nearest form the engine
 * accepts, reported here and by a comment in the SQL at the changed spot.
 */
export const EXPORT_WARNING_CODES = [
  /** MySQL: a foreign key's column and the column it references made one type (InnoDB requires it). */
  'FK_TYPE_MATCHED',
  /** MySQL: a TEXT (or unbounded) key a foreign key references made a VARCHAR (InnoDB cannot use a prefix key). */
  'TEXT_KEY_AS_VARCHAR',
  /** MySQL: VARCHAR without a length made LONGTEXT (no smaller limit than the design's). */
  'VARCHAR_UNBOUNDED',
  /** MySQL: VARCHAR longer than a row allows made LONGTEXT with a CHECK keeping the limit. */
  'VARCHAR_AS_LONGTEXT',
  /** MySQL: CHAR longer than 255 made VARCHAR (values are not padded). */
  'CHAR_AS_VARCHAR',
  /** MySQL: TIMESTAMPTZ made DATETIME (MySQL's TIMESTAMP ends in 2038); the zone is not stored. */
  'TIMESTAMPTZ_AS_DATETIME',
  /** MySQL: NUMERIC without precision given MySQL's widest DECIMAL(65,30). */
  'NUMERIC_PRECISION_CHOSEN',
  /** MySQL: a precision over 65 or a scale over 30 capped there. */
  'NUMERIC_PRECISION_CAPPED',
  /** MySQL: a unique or primary key over TEXT/BLOB/JSON is unique on a prefix only. */
  'KEY_PREFIX',
  /** A table's row of VARCHARs is wider than MySQL allows: the widest made LONGTEXT with a CHECK. */
  'ROW_TOO_WIDE',
  /** An identity column the engine cannot number (inside a composite key, or a second one). */
  'IDENTITY_DROPPED',
  /** A default the engine has no form for: the column has none. */
  'DEFAULT_DROPPED',
  /** A referential action the engine does not implement: the engine's default applies. */
  'FK_ACTION_DROPPED',
  /** MySQL: a foreign key named as another table's (InnoDB's names are per database) takes `_1`, `_2`, …. */
  'FK_RENAMED',
  /** A comment the engine has nowhere to keep. */
  'COMMENT_DROPPED',
  /** An expression (generated column, index key or predicate) or view body with no same-meaning form in the engine: left out (a comment says so). */
  'EXPRESSION_NOT_PORTABLE',
  /** MySQL, SQLite: a table of a schema other than the default one named `schema__table` (one namespace per database). */
  'SCHEMA_FLATTENED',
  /** An array column as a JSON array (MySQL `json`, SQLite TEXT), kept an array by a CHECK. */
  'ARRAY_AS_JSON',
  /** INET, CIDR, MACADDR as their text. */
  'NETWORK_AS_TEXT',
  /** CITEXT as text with a case-insensitive collation (MySQL utf8mb4_unicode_ci, SQLite NOCASE). */
  'CITEXT_AS_COLLATION',
  /** TSVECTOR as its text: no text search. */
  'TSVECTOR_AS_TEXT',
  /** INTERVAL as PostgreSQL's interval text. */
  'INTERVAL_AS_TEXT',
  /** MONEY as DECIMAL(19,2). */
  'MONEY_AS_DECIMAL',
  /** XML as text, not checked to be well-formed. */
  'XML_AS_TEXT',
  /** A range type as its text (`[1,10)`). */
  'RANGE_AS_TEXT',
  /** MySQL: a generated column's NOT NULL written as a CHECK (MariaDB refuses NOT NULL on one). */
  'GENERATED_NOT_NULL_AS_CHECK',
  /** MySQL: an index with an expression key left out (MariaDB has no expression indexes). */
  'INDEX_EXPRESSION_DROPPED',
  /** MySQL: a partial index made a whole-table index (not unique: what is accepted is unchanged). */
  'INDEX_PARTIAL_AS_FULL',
  /** MySQL: a partial unique index left out (MySQL has no partial indexes): duplicates are no longer refused. */
  'INDEX_PARTIAL_DROPPED',
  /** MySQL, SQLite: a HASH, GIN, GiST or BRIN index made a B-tree index (the engine's only kind). */
  'INDEX_METHOD_CHANGED',
  /** MySQL, SQLite: NULLS FIRST/LAST left out (no such clause); NULLs sort first ascending there. */
  'INDEX_NULLS_ORDER_DROPPED',
] as const;

export type ExportWarningCode = (typeof EXPORT_WARNING_CODES)[number];

export interface ExportWarning {
  code: ExportWarningCode;
  /** Where in the design document (`tables[2].columns[1]`, `foreignKeys[0]`, `enums[1]`). */
  path: string;
  message: string;
}

/**
 * Where a change is, by the plan's names: a table, a column (with a `field` of it), an index, a
 * foreign key, an enum, a view, a table's check (its position among the table's own checks) or a
 * column's own check.
 */
export type ChangeSpot =
  | { table: string; column?: string; field?: string }
  | { table: string; index: string; field?: string }
  | { foreignKey: number }
  | { enumName: string }
  | { table: string; check: number }
  | { table: string; columnCheck: string }
  | { view: string; field?: 'definition' };

/** A change found while rendering, before its path in the document is known. */
export interface ExportChange {
  code: ExportWarningCode;
  spot: ChangeSpot;
  message: string;
}

/** The SQL line comment that marks a change where it happens (one line: a newline would end it early). */
export function changeComment(change: Pick<ExportChange, 'code' | 'message'>): string {
  return `-- ${change.code}: ${change.message.replace(/[\r\n]+/g, ' ')}`;
}

/** Changes as warnings located in the design document (tables, columns and enums by their names). */
export function locateChanges(design: Design, changes: readonly ExportChange[]): ExportWarning[] {
  const tables = new Map(design.tables.map((table, t) => [table.name, t]));
  const enums = new Map(design.enums.map((e, i) => [e.name, i]));
  const views = new Map((design.views ?? []).map((view, i) => [view.name, i]));
  // The paths validation uses (`formatPath`), written here: validation depends on this module.
  const path = (spot: ChangeSpot): string => {
    if ('foreignKey' in spot) return `foreignKeys[${spot.foreignKey}]`;
    if ('enumName' in spot) return `enums[${enums.get(spot.enumName) ?? -1}]`;
    if ('view' in spot) return `views[${views.get(spot.view) ?? -1}]${spot.field ? `.${spot.field}` : ''}`;
    const t = tables.get(spot.table) ?? -1;
    if ('check' in spot) return `tables[${t}].checks[${spot.check}].expression`;
    if ('columnCheck' in spot) {
      const c = design.tables[t]?.columns.findIndex((column) => column.name === spot.columnCheck) ?? -1;
      return `tables[${t}].columns[${c}].check`;
    }
    const field = spot.field === undefined ? '' : `.${spot.field}`;
    if ('index' in spot) {
      // An unnamed index has a generated name: then the table is the most precise spot known.
      const i = design.tables[t]?.indexes.findIndex((index) => index.name === spot.index) ?? -1;
      return i < 0 ? `tables[${t}]` : `tables[${t}].indexes[${i}]${field}`;
    }
    if (spot.column === undefined) return `tables[${t}]`;
    const c = design.tables[t]?.columns.findIndex((column) => column.name === spot.column) ?? -1;
    return `tables[${t}].columns[${c}]${field}`;
  };
  return changes.map((change) => ({ code: change.code, path: path(change.spot), message: change.message }));
}

/** The changes of one export, in order, with the ones found before rendering kept for their spot. */
export class ChangeLog {
  readonly changes: ExportChange[] = [];
  private readonly early = new Map<string, ExportChange[]>();

  /** Records a change; returns the comment to write where it happens. */
  add(change: ExportChange): string {
    this.changes.push(change);
    return changeComment(change);
  }

  /** Records a change found before rendering (the column is written later, with its comment). */
  addEarly(table: string, column: string, change: Omit<ExportChange, 'spot'>): void {
    const full = { ...change, spot: { table, column } };
    this.changes.push(full);
    const key = `${table}\u0000${column}`;
    this.early.set(key, [...(this.early.get(key) ?? []), full]);
  }

  /** The comments of the changes found early for a column. */
  earlyComments(table: string, column: string): string[] {
    return (this.early.get(`${table}\u0000${column}`) ?? []).map(changeComment);
  }
}

/**
 * Statements with a construct left out render as its comment lines alone, which no engine runs
 * as a statement: those lines go before the next statement (after the last one at the end).
 */
export function attachLoneComments(statements: readonly string[]): string[] {
  const out: string[] = [];
  let pending: string[] = [];
  for (const statement of statements) {
    if (statement.split('\n').every((line) => line.startsWith('--'))) pending.push(statement);
    else {
      out.push([...pending, statement].join('\n'));
      pending = [];
    }
  }
  if (pending.length === 0) return out;
  const last = out.pop();
  return last === undefined ? [] : [...out, [last, ...pending].join('\n')];
}

/** A dialect's statements for a create plan, and what they change from the design. */
export interface RenderedPlan {
  statements: string[];
  changes: ExportChange[];
}
