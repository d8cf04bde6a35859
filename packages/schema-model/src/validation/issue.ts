import { EXPORT_WARNING_CODES } from '../ddl/export-warning.ts';
import { SQL_EXPRESSION_PROBLEM_CODES } from '../sql-expression/check.ts';

/**
 * A problem found in a design document. `path` points into the document as the user sent it
 * (`tables[2].columns[1].name`), so a frontend can highlight the exact field.
 */
export type Severity = 'error' | 'warning';

export const ISSUE_CODES = [
  // shape of the document (zod)
  'INVALID_TYPE',
  'INVALID_VALUE',
  'REQUIRED',
  'TOO_LONG',
  'TOO_MANY',
  'UNKNOWN_PROPERTY',
  // names
  'NAME_EMPTY',
  'NAME_TOO_LONG',
  'NAME_INVALID_CHARACTERS',
  'NAME_NEEDS_QUOTING',
  'NAME_RESERVED',
  'DUPLICATE_ID',
  'DUPLICATE_TABLE_NAME',
  'DUPLICATE_COLUMN_NAME',
  'DUPLICATE_INDEX_NAME',
  'DUPLICATE_CONSTRAINT_NAME',
  'DUPLICATE_ENUM_NAME',
  'NAME_CONFLICT',
  // schemas (namespaces)
  'DUPLICATE_SCHEMA_NAME',
  'UNKNOWN_SCHEMA',
  // tables and columns
  'NO_COLUMNS',
  'MISSING_PRIMARY_KEY',
  'UNSUPPORTED_DATA_TYPE',
  'INVALID_LENGTH',
  'INVALID_PRECISION',
  'INVALID_SCALE',
  'IGNORED_ATTRIBUTE',
  'AUTO_INCREMENT_NOT_INTEGER',
  'AUTO_INCREMENT_WITH_DEFAULT',
  'INVALID_DEFAULT',
  'UNSIGNED_NOT_INTEGER',
  'UNSIGNED_BIGINT_RANGE',
  // enums
  'ENUM_WITHOUT_VALUES',
  'DUPLICATE_ENUM_VALUE',
  'INVALID_ENUM_VALUE',
  'UNKNOWN_ENUM',
  // indexes
  'INDEX_WITHOUT_COLUMNS',
  'INDEX_UNKNOWN_COLUMN',
  'INDEX_DUPLICATE_COLUMN',
  'JSON_NOT_INDEXABLE',
  'XML_NOT_INDEXABLE',
  'INDEX_COLUMNS_AND_KEYS',
  'INDEX_KEY_INVALID',
  'INDEX_METHOD_UNSUPPORTED',
  // generated columns
  'GENERATED_WITH_DEFAULT',
  'GENERATED_WITH_IDENTITY',
  'GENERATED_IN_PRIMARY_KEY',
  'GENERATED_UNKNOWN_COLUMN',
  'GENERATED_REFERENCES_GENERATED',
  'GENERATED_FK_ACTION',
  // SQL expressions (checks, generated columns, index keys and predicates), by PostgreSQL's parser
  ...SQL_EXPRESSION_PROBLEM_CODES,
  // foreign keys
  'FK_UNKNOWN_TABLE',
  'FK_UNKNOWN_COLUMN',
  'FK_COLUMN_COUNT_MISMATCH',
  'FK_TYPE_MISMATCH',
  'FK_ARRAY_MODIFIER',
  'FK_TARGET_NOT_UNIQUE',
  'FK_INVALID_ACTION',
  'FK_SET_NULL_ON_NOT_NULL',
  'FK_CIRCULAR',
  'FK_UNINDEXED',
  // views
  'DUPLICATE_VIEW_NAME',
  'VIEW_UNKNOWN_RELATION',
  'VIEW_CIRCULAR',
  // SQL expressions and queries (checked by PostgreSQL's parser)
  ...SQL_EXPRESSION_PROBLEM_CODES,
  // checks
  'CHECK_UNKNOWN_COLUMN',
  'CHECK_NOT_ON_COLUMN',
  // a target dialect (validation for one): what its engine refuses, then what its export changes
  'KEY_TOO_LONG',
  'ARRAY_NOT_INDEXABLE',
  ...EXPORT_WARNING_CODES,
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

export interface ValidationIssue {
  code: IssueCode;
  severity: Severity;
  path: string;
  message: string;
}

export interface ValidationReport {
  valid: boolean;
  errors: ValidationIssue[];
  warnings: ValidationIssue[];
}

/** `['tables', 2, 'columns', 1, 'name']` → `tables[2].columns[1].name` */
export function formatPath(segments: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}
