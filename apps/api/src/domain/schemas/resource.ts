import type { SchemaRow } from '@schema-builder/db';
import type { DesignDocument } from '@schema-builder/schema-model/design';
import { StoredJson } from '../stored-json.ts';
import type { SchemaSummaryRow, StoredSchemaRow } from './repository.ts';
import type { SchemaResource, SchemaSummary, StoredSchemaResource } from './types.ts';
import { SCHEMA_STATUSES } from './types.ts';

type Status = (typeof SCHEMA_STATUSES)[number];

function status(value: string): Status {
  return SCHEMA_STATUSES.find((known) => known === value) ?? 'draft';
}

export function toSummary(row: SchemaSummaryRow): SchemaSummary {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    version: row.currentVersion,
    status: status(row.status),
    tableCount: row.tableCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toResource(row: SchemaRow): SchemaResource {
  const definition = row.definition as DesignDocument;
  return {
    ...toSummary({ ...row, tableCount: Array.isArray(definition.tables) ? definition.tables.length : 0 }),
    definition,
  };
}

/** A design read with its document as stored: the same fields, the document left as text. */
export function toStoredResource(row: StoredSchemaRow): StoredSchemaResource {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    version: row.currentVersion,
    status: status(row.status),
    tableCount: row.tableCount,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    definition: new StoredJson(row.definition),
  };
}
