import type { UnsupportedKind } from './catalog.ts';
import { UNSUPPORTED_KINDS } from './catalog.ts';

/**
 * Something of the database that the imported design does not hold, or holds differently. An
 * import never fails over these: the design is what can be expressed, the warnings are the rest.
 */
export const IMPORT_WARNING_CODES = [
  // columns
  'TYPE_UNSUPPORTED',
  'TYPE_APPROXIMATED',
  'DOMAIN_FLATTENED',
  'ENUM_UNUSABLE',
  'DEFAULT_DROPPED',
  'DEFAULT_REWRITTEN',
  'ON_UPDATE_DROPPED',
  'GENERATED_COLUMN',
  'GENERATED_VIRTUAL_AS_STORED',
  'IDENTITY_ALWAYS',
  'AUTO_INCREMENT_DROPPED',
  'SEQUENCE_AS_AUTO_INCREMENT',
  'COMMENT_TRUNCATED',
  'COLLATION_DROPPED',
  // tables and keys
  'NAME_CHANGED',
  'TABLE_WITHOUT_COLUMNS',
  'PRIMARY_KEY_REORDERED',
  'UNIQUE_AS_INDEX',
  // indexes
  'INDEX_PARTIAL',
  'INDEX_EXPRESSION',
  'INDEX_METHOD',
  'INDEX_OPTIONS_DROPPED',
  'INDEX_DUPLICATE_COLUMN',
  // foreign keys
  'FK_DROPPED',
  'FK_ACTION_CHANGED',
  'FK_OPTIONS_DROPPED',
  // checks
  'CHECK_OPTIONS_DROPPED',
  // objects the design has no place for, one code per kind
  ...UNSUPPORTED_KINDS.map((kind) => `UNSUPPORTED_${kind.toUpperCase()}` as UnsupportedCode),
] as const;

export type UnsupportedCode = `UNSUPPORTED_${Uppercase<UnsupportedKind>}`;
export type ImportWarningCode = (typeof IMPORT_WARNING_CODES)[number];

export interface ImportWarning {
  code: ImportWarningCode;
  /**
   * Where the object is in the source database, by name: `tables.film.columns.fulltext`,
   * `tables.film.indexes.film_fulltext_idx`, `views.film_list` (dropped objects have no place in
   * the document, so paths name the source, not the design).
   */
  path: string;
  message: string;
}

export function unsupportedCode(kind: UnsupportedKind): UnsupportedCode {
  return `UNSUPPORTED_${kind.toUpperCase()}` as UnsupportedCode;
}
