import type { IntrospectedColumn, IntrospectedTable } from '@schema-builder/schema-model/import';
import type { Document } from 'mongodb';
import type { ValueType } from './bson-type.ts';
import { bsonTypeOf, fieldType } from './bson-type.ts';

/** Every collection has `_id`; when none was sampled it is MongoDB's default, an ObjectId. */
const ID = '_id';

interface FieldStats {
  types: Set<ValueType>;
  /** Documents that have the field with a non-null value. */
  valued: number;
}

/**
 * The structure of a collection as a table, inferred from sampled documents: one column per
 * top-level field, in the order fields first appear (`_id` first, the primary key). Embedded
 * documents and arrays are one column each (`document`, `array`), not flattened. A field that
 * some document lacks, or holds null, is nullable; a field with values of several BSON types is
 * `mixed`, and its comment lists them. An empty collection gives `_id` alone.
 * Pure: plain objects and the driver's BSON values in, a table out.
 */
export function inferCollection(name: string, documents: readonly Document[]): IntrospectedTable {
  const fields = new Map<string, FieldStats>([[ID, { types: new Set(), valued: 0 }]]);
  for (const document of documents) {
    for (const [field, value] of Object.entries(document)) {
      let stats = fields.get(field);
      if (!stats) {
        stats = { types: new Set(), valued: 0 };
        fields.set(field, stats);
      }
      const type = bsonTypeOf(value);
      stats.types.add(type);
      if (type !== 'null') stats.valued++;
    }
  }
  const columns = [...fields].map(([field, stats]) => column(field, stats, documents.length));
  return {
    name,
    comment:
      documents.length === 0
        ? 'No documents were sampled: only _id is known, assumed to be an ObjectId.'
        : null,
    columns,
    primaryKey: { name: null, columns: [ID] },
    uniqueConstraints: [],
    indexes: [],
    foreignKeys: [],
  };
}

function column(field: string, stats: FieldStats, sampled: number): IntrospectedColumn {
  const isId = field === ID;
  const type = isId && stats.types.size === 0 ? 'objectId' : fieldType(stats.types);
  return {
    name: field,
    nativeType: type,
    nullable: !isId && stats.valued < sampled,
    default: null,
    autoIncrement: false,
    comment: type === 'mixed' ? mixedNote(stats.types) : null,
  };
}

function mixedNote(types: ReadonlySet<ValueType>): string {
  const named = [...types].filter((type) => type !== 'null').sort();
  return `MongoDB: mixed BSON types in the sample: ${named.join(', ')}.`;
}
