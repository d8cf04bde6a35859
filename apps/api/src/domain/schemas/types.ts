import { SCHEMA_SORTS, SchemaSearchSchema } from '@schema-builder/contracts/designs';
import type { DesignDocument } from '@schema-builder/schema-model/design';
import { DesignDocumentSchema } from '@schema-builder/schema-model/design';
import { z } from 'zod';
import { PageInputSchema, pageSchema } from '../pagination/page.ts';
import { mayBeStoredJson, StoredJson } from '../stored-json.ts';

/** Lifecycle of a design; provisioning adds the database states. */
export const SCHEMA_STATUSES = ['draft'] as const;

export const SchemaIdSchema = z.uuid({ message: 'must be a schema id (a UUID)' });
/** A stored version number (a PostgreSQL integer). */
export const VersionNumberSchema = z.coerce.number().int().min(1).max(2_147_483_647);
const timestamp = z.string().meta({ description: 'ISO-8601 timestamp', example: '2026-01-01T00:00:00.000Z' });

const metadata = {
  id: SchemaIdSchema,
  name: z.string(),
  description: z.string(),
  /** The stored version number: 1 at creation, +1 per real change. */
  version: z.int().min(1),
  status: z.enum(SCHEMA_STATUSES),
  tableCount: z.int().min(0),
  createdAt: timestamp,
  updatedAt: timestamp,
};

export const SchemaSummarySchema = z.object(metadata).meta({ id: 'SchemaSummary' });

/**
 * A stored document in a response. It was validated when it was saved, so responses check only
 * that it is an object instead of re-parsing every table and column on each read (the hot path);
 * the OpenAPI document still describes it fully. A read for the REST adapter may hand it back as
 * the stored text (`StoredJson`, whose JSON is the document): clients only ever see the document.
 */
export const StoredDocumentSchema = mayBeStoredJson(
  z
    .custom<DesignDocument | StoredJson<DesignDocument>>(
      (value) =>
        value instanceof StoredJson || (typeof value === 'object' && value !== null && !Array.isArray(value)),
    )
    .meta({ override: { $ref: '#/components/schemas/DesignDocument' } }),
);

export const SchemaResourceSchema = z.object({ ...metadata, definition: StoredDocumentSchema }).meta({
  id: 'Schema',
  description: 'A stored design: metadata at the top, the document under `definition`.',
});

export const SchemaListSchema = pageSchema(SchemaSummarySchema).meta({ id: 'SchemaList' });

export { SCHEMA_SORTS };

export const ListSchemasInputSchema = PageInputSchema.extend({
  search: SchemaSearchSchema.optional(),
  sort: z.enum(SCHEMA_SORTS).default('-updatedAt'),
});

const changeNote = z
  .string()
  .trim()
  .max(1000)
  .optional()
  .meta({ description: 'Why this version was saved.' });

export const CreateSchemaInputSchema = DesignDocumentSchema.extend({ changeNote });

export const UpdateSchemaInputSchema = DesignDocumentSchema.extend({
  id: SchemaIdSchema,
  expectedVersion: z
    .int()
    .min(1)
    .meta({ description: 'The version the client edited; a stale one gets 409.' }),
  changeNote,
});

export const SchemaVersionSummarySchema = z
  .object({
    version: z.int(),
    createdAt: timestamp,
    createdBy: z.string(),
    changeNote: z.string().nullable(),
  })
  .meta({ id: 'SchemaVersionSummary' });

/** Like the current document, a stored version is returned as saved (older ones may hold properties now refused). */
export const SchemaVersionSchema = SchemaVersionSummarySchema.extend({
  definition: StoredDocumentSchema,
}).meta({
  id: 'SchemaVersion',
});

export type SchemaSummary = z.infer<typeof SchemaSummarySchema>;
/** A design with its document parsed. */
export type SchemaResource = SchemaSummary & { definition: DesignDocument };
/** A design as read for the REST adapter: its document as the stored text. */
export type StoredSchemaResource = SchemaSummary & { definition: StoredJson<DesignDocument> };
export type { SchemaSort } from '@schema-builder/contracts/designs';
