import type { DataType } from '../design/data-types.ts';
import { canonicalDataType } from '../design/data-types.ts';
import type { ColumnDocument, DesignDocument, EnumDocument, TableDocument } from '../design/document.ts';
import type { DocumentLookup } from '../design/lookup.ts';
import { buildLookup } from '../design/lookup.ts';
import type { IssueCode, Severity, ValidationIssue } from './issue.ts';
import { formatPath } from './issue.ts';

export type Path = ReadonlyArray<string | number>;

/** What every rule gets: the document, its look-ups, and where to put the problems it finds. */
export interface ValidationContext {
  readonly doc: DesignDocument;
  readonly lookup: DocumentLookup;
  readonly enums: readonly EnumDocument[];
  error(code: IssueCode, path: Path, message: string): void;
  warn(code: IssueCode, path: Path, message: string): void;
  /** The canonical type of a column, computed once per spelling. */
  dataType(column: ColumnDocument): DataType | undefined;
}

export function createContext(doc: DesignDocument, issues: ValidationIssue[]): ValidationContext {
  const add = (severity: Severity) => (code: IssueCode, path: Path, message: string) => {
    issues.push({ code, severity, path: formatPath(path), message });
  };
  // Documents repeat a handful of type spellings: cache by spelling, not by column.
  const types = new Map<string, DataType | null>();
  return {
    doc,
    lookup: buildLookup(doc),
    enums: doc.enums ?? [],
    error: add('error'),
    warn: add('warning'),
    dataType(column) {
      let type = types.get(column.dataType);
      if (type === undefined) {
        type = canonicalDataType(column.dataType) ?? null;
        types.set(column.dataType, type);
      }
      return type ?? undefined;
    },
  };
}

/** A name as shown to users: in double quotes, with invisible characters made visible. */
export function quoted(name: string): string {
  return JSON.stringify(name);
}

/** `table "orders"`, or `table 3` when the table has no usable name. */
export function tableLabel(table: TableDocument, index: number): string {
  return table.name.trim() === '' ? `table ${index + 1}` : `table ${quoted(table.name)}`;
}

/** `column "id" in table "orders"`, numbered when names are missing. */
export function columnLabel(table: TableDocument, tableIndex: number, column: ColumnDocument, index: number) {
  const name = column.name.trim() === '' ? `column ${index + 1}` : `column ${quoted(column.name)}`;
  return `${name} in ${tableLabel(table, tableIndex)}`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function isGiven<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}
