/**
 * `@schema-builder/schema-model/design`: the design document (what a client sends and stores),
 * its zod schema, and the normalized design the generators read.
 */
export {
  canonicalDataType,
  DATA_TYPES,
  type DataType,
  INTEGER_TYPES,
  LENGTH_TYPES,
  PRECISION_TYPES,
} from './data-types.ts';
export {
  type CheckDocument,
  type ColumnDocument,
  type DesignDocument,
  DesignDocumentSchema,
  type EnumDocument,
  type ForeignKeyDocument,
  type IndexDocument,
  type IndexKeyDocument,
  type SchemaEntryDocument,
  type TableDocument,
  type ViewDocument,
  ViewSchema,
} from './document.ts';
export type {
  Check,
  Column,
  ColumnDefault,
  ColumnType,
  Design,
  DesignSchema,
  EnumType,
  ForeignKey,
  Index,
  IndexKey,
  IndexMethod,
  IndexNulls,
  ReferentialAction,
  Table,
  View,
} from './model.ts';
export { columnCheckId, INDEX_METHODS, REFERENTIAL_ACTIONS } from './model.ts';
export { normalizeDesign } from './normalize.ts';
