import type { EnumDocument } from '../design/document.ts';
import { formatPath } from '../validation/issue.ts';
import type { ImportedTable } from './imported-table.ts';
import { IdAllocator, Namespace } from './names.ts';
import type { ImportDialect } from './type-mapping.ts';
import type { ImportWarning, ImportWarningCode } from './warnings.ts';

/** State shared while one catalog becomes one document. */
export interface ImportContext {
  dialect: ImportDialect;
  /** The schema or database that was read, for messages. */
  schema: string;
  ids: IdAllocator;
  /** Tables and indexes share one namespace in PostgreSQL. */
  relations: Namespace;
  /** Enums, and the row types PostgreSQL makes for tables. */
  types: Namespace;
  enums: EnumDocument[];
  /** Enum name in the database → the document's enum (PostgreSQL enums). */
  enumByName: Map<string, EnumDocument>;
  /** Whether a sequence (as `nextval` names it) serves one column only; see `soleSequenceUsers`. */
  soleUserOf: (sequence: string) => boolean;
  /** Sequences imported as a column's auto-increment, by bare name: not reported again on their own. */
  adoptedSequences: Set<string>;
  warnings: ImportWarning[];
  warn(code: ImportWarningCode, path: ReadonlyArray<string | number>, message: string): void;
  /**
   * Several schemas read at once (PostgreSQL): the imported tables and the enums of another
   * schema, by its database name, so foreign keys and columns can reach across schemas.
   */
  tablesIn?: (schema: string) => ReadonlyMap<string, ImportedTable> | undefined;
  enumIn?: (schema: string, name: string) => EnumDocument | undefined;
}

export function createImportContext(
  dialect: ImportDialect,
  schema: string,
  soleUserOf: (sequence: string) => boolean = () => false,
): ImportContext {
  const warnings: ImportWarning[] = [];
  return {
    dialect,
    schema,
    ids: new IdAllocator(),
    relations: new Namespace(),
    types: new Namespace(),
    enums: [],
    enumByName: new Map(),
    soleUserOf,
    adoptedSequences: new Set(),
    warnings,
    warn(code, path, message) {
      warnings.push({ code, path: formatPath(path), message });
    },
  };
}

/** A name as shown in messages. */
export const q = (name: string): string => JSON.stringify(name);

/** The design's limit on comment length (see `DesignDocumentSchema`). */
export const MAX_COMMENT_LENGTH = 10_000;

/** A comment as the design can hold it: cut to its limit, with a warning when it was longer. */
export function importComment(
  ctx: ImportContext,
  comment: string | null | undefined,
  path: ReadonlyArray<string | number>,
): string | undefined {
  if (!comment) return undefined;
  if (comment.length <= MAX_COMMENT_LENGTH) return comment;
  ctx.warn(
    'COMMENT_TRUNCATED',
    path,
    `The comment is ${comment.length} characters long; the design keeps the first ${MAX_COMMENT_LENGTH}.`,
  );
  return comment.slice(0, MAX_COMMENT_LENGTH);
}
