import { DesignDocumentSchema, SQL_DIALECTS, validateDesign } from '@schema-builder/schema-model';
import { z } from 'zod';
import { importDesign } from '../../domain/connections/import-design.ts';
import { deleteSchemaAndDatabase } from '../../domain/databases/change-database.ts';
import { createSchema } from '../../domain/schemas/create-schema.ts';
import { assertDesignSize, designLimits } from '../../domain/schemas/design-check.ts';
import { diffVersions, MigrationPlanSchema } from '../../domain/schemas/diff-versions.ts';
import { exportSql } from '../../domain/schemas/export-sql.ts';
import { getSchema, getSchemaVersionNumber, listOwnSchemas } from '../../domain/schemas/read-schemas.ts';
import {
  CreateSchemaInputSchema,
  ListSchemasInputSchema,
  SchemaIdSchema,
  SchemaListSchema,
  SchemaResourceSchema,
  SchemaVersionSchema,
  SchemaVersionSummarySchema,
  UpdateSchemaInputSchema,
  VersionNumberSchema,
} from '../../domain/schemas/types.ts';
import { updateSchema } from '../../domain/schemas/update-schema.ts';
import { getSchemaVersion, listSchemaVersions } from '../../domain/schemas/versions.ts';
import { userErrorResponses } from '../../rest/error-responses.ts';
import { router, userProcedure } from '../trpc.ts';
import { FlagSchema } from './databases.ts';

const tags = ['schemas'];
const byId = z.object({ id: SchemaIdSchema });

const IssueSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  path: z.string(),
  message: z.string(),
});

const ImportResultSchema = z
  .object({
    schema: SchemaResourceSchema,
    warnings: z.array(z.object({ code: z.string(), path: z.string(), message: z.string() })),
  })
  .meta({ id: 'SchemaImport' });

export const schemasRouter = router({
  create: userProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/schemas',
        tags,
        summary: 'Save a new design (version 1)',
        errorResponses: userErrorResponses(
          'DESIGN_TOO_LARGE',
          'VALIDATION_ERROR',
          'UNSUPPORTED_DATA_TYPE',
          'FOREIGN_KEY_ERROR',
          'DUPLICATE_NAME',
          'INVALID_JSON',
          'PAYLOAD_TOO_LARGE',
          'UNSUPPORTED_MEDIA_TYPE',
        ),
      },
    })
    .input(CreateSchemaInputSchema)
    .output(SchemaResourceSchema)
    .mutation(({ ctx, input }) =>
      createSchema({
        db: ctx.services.db,
        user: ctx.user,
        origin: ctx.origin,
        limits: designLimits(ctx.services.config),
        input,
      }),
    ),

  list: userProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/schemas',
        tags,
        summary: 'List your designs',
        errorResponses: userErrorResponses('VALIDATION_ERROR'),
      },
    })
    .input(ListSchemasInputSchema)
    .output(SchemaListSchema)
    .query(({ ctx, input }) => listOwnSchemas({ db: ctx.services.db, user: ctx.user, ...input })),

  import: userProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/schemas/import',
        tags,
        summary: 'Import a live database (through a saved connection) as a design or a new version',
        errorResponses: userErrorResponses(
          'CONNECTION_NOT_FOUND',
          'CONNECTION_INACTIVE',
          'CONNECTION_FAILED',
          'SCHEMA_NOT_FOUND',
          'DUPLICATE_NAME',
          'VALIDATION_ERROR',
          'DESIGN_TOO_LARGE',
        ),
      },
    })
    .input(
      z.object({
        connectionId: z.uuid(),
        database: z.string().trim().min(1).max(200).optional(),
        tables: z.array(z.string().max(200)).min(1).max(5000).optional(),
        name: z.string().trim().min(1).max(200).optional(),
        schemaId: SchemaIdSchema.optional(),
      }),
    )
    .output(ImportResultSchema)
    .mutation(({ ctx, input }) =>
      importDesign({
        db: ctx.services.db,
        secrets: ctx.services.secrets,
        policy: ctx.services.hostPolicy,
        sqliteDir: ctx.services.config.CONNECTIONS_SQLITE_DIR,
        timeoutMs: ctx.services.config.IMPORT_TIMEOUT_MS,
        user: ctx.user,
        origin: ctx.origin,
        limits: designLimits(ctx.services.config),
        input,
      }),
    ),

  validate: userProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/schemas/validate',
        tags,
        summary: 'Validate a design without saving it',
        errorResponses: userErrorResponses(
          'DESIGN_TOO_LARGE',
          'VALIDATION_ERROR',
          'INVALID_JSON',
          'PAYLOAD_TOO_LARGE',
          'UNSUPPORTED_MEDIA_TYPE',
        ),
      },
    })
    .input(DesignDocumentSchema)
    .output(z.object({ valid: z.boolean(), errors: z.array(IssueSchema), warnings: z.array(IssueSchema) }))
    .mutation(({ ctx, input }) => {
      assertDesignSize(input, designLimits(ctx.services.config));
      return validateDesign(input);
    }),

  get: userProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/schemas/{id}',
        tags,
        summary: 'Get a design',
        errorResponses: userErrorResponses('SCHEMA_NOT_FOUND', 'VALIDATION_ERROR'),
      },
    })
    .input(byId)
    .output(SchemaResourceSchema)
    .query(({ ctx, input }) => getSchema({ db: ctx.services.db, user: ctx.user, id: input.id })),

  /**
   * Only the current version: what `GET /schemas/{id}` with If-None-Match checks before reading
   * the document (a 304 reads one integer). Not a REST route of its own.
   */
  currentVersion: userProcedure
    .input(byId)
    .output(z.object({ version: z.int().min(1) }))
    .query(({ ctx, input }) => getSchemaVersionNumber({ db: ctx.services.db, user: ctx.user, id: input.id })),

  update: userProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/schemas/{id}',
        tags,
        summary: 'Save a new version of a design',
        errorResponses: userErrorResponses(
          'DESIGN_TOO_LARGE',
          'SCHEMA_NOT_FOUND',
          'VERSION_CONFLICT',
          'PRECONDITION_FAILED',
          'DUPLICATE_NAME',
          'VALIDATION_ERROR',
          'UNSUPPORTED_DATA_TYPE',
          'FOREIGN_KEY_ERROR',
          'INVALID_JSON',
          'PAYLOAD_TOO_LARGE',
          'UNSUPPORTED_MEDIA_TYPE',
        ),
        description:
          'Send the whole document plus `expectedVersion` (or the ETag you read in an `If-Match` header: 412 PRECONDITION_FAILED when it is stale). An unchanged document creates no version.',
      },
    })
    .input(UpdateSchemaInputSchema)
    .output(SchemaResourceSchema)
    .mutation(({ ctx, input }) => {
      const { id, expectedVersion, ...document } = input;
      return updateSchema({
        db: ctx.services.db,
        user: ctx.user,
        origin: ctx.origin,
        limits: designLimits(ctx.services.config),
        id,
        expectedVersion,
        input: document,
      });
    }),

  delete: userProcedure
    .meta({
      openapi: {
        method: 'DELETE',
        path: '/schemas/{id}',
        tags,
        summary:
          'Delete a design (soft delete). With dropDatabase=true its database is dropped too; otherwise it is kept, detached',
        errorResponses: userErrorResponses('SCHEMA_NOT_FOUND', 'VALIDATION_ERROR', 'DATABASE_BUSY'),
      },
    })
    .input(byId.extend({ dropDatabase: FlagSchema }))
    .output(
      z.object({
        id: z.string(),
        deletedAt: z.string(),
        database: z.object({ id: z.string(), status: z.string(), detached: z.boolean() }).nullable(),
      }),
    )
    .mutation(({ ctx, input }) =>
      deleteSchemaAndDatabase({
        services: ctx.services,
        user: ctx.user,
        origin: ctx.origin,
        schemaId: input.id,
        dropDatabase: input.dropDatabase,
      }),
    ),

  diff: userProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/schemas/{id}/diff',
        tags,
        summary:
          'The migration plan between two versions: steps with their SQL and hazards, and a summary a person can read',
        errorResponses: userErrorResponses(
          'SCHEMA_NOT_FOUND',
          'VERSION_NOT_FOUND',
          'MIGRATION_REFUSED',
          'VALIDATION_ERROR',
        ),
      },
    })
    .input(byId.extend({ from: VersionNumberSchema, to: VersionNumberSchema }))
    .output(MigrationPlanSchema)
    .query(({ ctx, input }) =>
      diffVersions({ db: ctx.services.db, user: ctx.user, id: input.id, from: input.from, to: input.to }),
    ),

  exportSql: userProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/schemas/{id}/export/sql',
        tags,
        summary: 'The design as SQL DDL',
        errorResponses: userErrorResponses('SCHEMA_NOT_FOUND', 'VERSION_NOT_FOUND', 'VALIDATION_ERROR'),
      },
    })
    .input(
      byId.extend({
        dialect: z.enum(SQL_DIALECTS).default('postgresql'),
        version: VersionNumberSchema.optional(),
      }),
    )
    .output(z.object({ dialect: z.enum(SQL_DIALECTS), sql: z.string(), statements: z.array(z.string()) }))
    .query(({ ctx, input }) => exportSql({ db: ctx.services.db, user: ctx.user, ...input })),

  versions: userProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/schemas/{id}/versions',
        tags,
        summary: 'The saved versions, newest first',
        errorResponses: userErrorResponses('SCHEMA_NOT_FOUND', 'VALIDATION_ERROR'),
      },
    })
    .input(byId)
    .output(z.object({ items: z.array(SchemaVersionSummarySchema) }))
    .query(({ ctx, input }) => listSchemaVersions({ db: ctx.services.db, user: ctx.user, id: input.id })),

  version: userProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/schemas/{id}/versions/{version}',
        tags,
        summary: 'One saved version',
        errorResponses: userErrorResponses('SCHEMA_NOT_FOUND', 'VERSION_NOT_FOUND', 'VALIDATION_ERROR'),
      },
    })
    .input(byId.extend({ version: VersionNumberSchema }))
    .output(SchemaVersionSchema)
    .query(({ ctx, input }) => getSchemaVersion({ db: ctx.services.db, user: ctx.user, ...input })),
});
