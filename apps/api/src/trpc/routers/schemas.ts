import { ImportDesignFields } from '@schema-builder/contracts/imports';
import { DATABASE_STATUSES } from '@schema-builder/db';
import { EXPORT_WARNING_CODES, SQL_DIALECTS } from '@schema-builder/schema-model/ddl';
import { DesignDocumentSchema } from '@schema-builder/schema-model/design';
import { IMPORT_WARNING_CODES } from '@schema-builder/schema-model/import';
import { ISSUE_CODES, strictInputObject, validateDesign } from '@schema-builder/schema-model/validation';
import { z } from 'zod';
import { importDesign } from '../../domain/connections/import-design.ts';
import { deleteSchemaAndDatabase } from '../../domain/databases/change-database.ts';
import { PageInputSchema, pageSchema } from '../../domain/pagination/page.ts';
import { createSchema } from '../../domain/schemas/create-schema.ts';
import { assertDesignSize, designLimits } from '../../domain/schemas/design-check.ts';
import { diffVersions, MigrationPlanSchema } from '../../domain/schemas/diff-versions.ts';
import { exportSql } from '../../domain/schemas/export-sql.ts';
import {
  getSchema,
  getSchemaVersionNumber,
  getStoredSchema,
  listOwnSchemas,
} from '../../domain/schemas/read-schemas.ts';
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
import { errorResponses } from '../../rest/error-responses.ts';
import { EXAMPLE_DESIGN, EXAMPLE_DESIGN_V2, EXAMPLE_IDS, withExample } from '../../rest/examples.ts';
import { created } from '../../rest/success-policy.ts';
import { router, userProcedure } from '../trpc.ts';
import { FlagSchema } from './databases.ts';

const tags = ['schemas'];
const byId = z.object({ id: SchemaIdSchema });

const IssueSchema = z.object({
  code: z.enum(ISSUE_CODES),
  severity: z.enum(['error', 'warning']),
  path: z.string(),
  message: z.string(),
});

const ExportWarningSchema = z.object({
  code: z.enum(EXPORT_WARNING_CODES),
  path: z.string(),
  message: z.string(),
});

const ImportResultSchema = z
  .object({
    schema: SchemaResourceSchema,
    warnings: z.array(
      z.object({ code: z.enum(IMPORT_WARNING_CODES), path: z.string(), message: z.string() }),
    ),
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
        description:
          'Validates the whole document (names, references, types) and saves it as version 1. Invalid designs answer 422 with every problem located in `details` (e.g. `tables[1].columns[0].dataType`). The name is unique among your designs.',
        errorResponses: errorResponses(
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
      success: created(SchemaResourceSchema, (schema) => `/schemas/${schema.id}`),
    })
    .input(withExample(CreateSchemaInputSchema, { ...EXAMPLE_DESIGN, changeNote: 'First draft' }))
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
        description: 'Summaries without the documents, paged; `search` matches names, `sort` orders.',
        errorResponses: errorResponses('VALIDATION_ERROR'),
      },
    })
    .input(withExample(ListSchemasInputSchema, { limit: 20, search: 'shop', sort: '-updatedAt' }))
    .output(SchemaListSchema)
    .query(({ ctx, input }) => listOwnSchemas({ db: ctx.services.db, user: ctx.user, ...input })),

  import: userProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/schemas/import',
        tags,
        summary: 'Import a live database (through a saved connection) as a design or a new version',
        description:
          'Reads tables, columns, keys and indexes through a saved connection. Without `schemaId` it saves a new design named `name`; with it, a new version of that design. `tables` limits the import; `warnings` lists what could not be represented.',
        errorResponses: errorResponses(
          'CONNECTION_NOT_FOUND',
          'CONNECTION_INACTIVE',
          'CONNECTION_FAILED',
          'SCHEMA_NOT_FOUND',
          'DUPLICATE_NAME',
          'VALIDATION_ERROR',
          'DESIGN_TOO_LARGE',
        ),
      },
      // It always saves a version: version 1 of a new design, or the next one of `schemaId`.
      success: created(
        ImportResultSchema,
        ({ schema }) => `/schemas/${schema.id}/versions/${schema.version}`,
      ),
    })
    .input(
      // Strict like a design: a misspelt `schemaId` must not quietly create a new design instead.
      withExample(
        strictInputObject('Import requests', { ...ImportDesignFields, schemaId: SchemaIdSchema.optional() }),
        { connectionId: EXAMPLE_IDS.connection, tables: ['customers'], name: 'shop (imported)' },
      ),
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
        description:
          'Answers 200 whatever the verdict: `valid`, with each error and warning located by `path`. Use it while editing; saving runs the same checks. With `?dialect=mysql` (or `sqlite`, `postgresql`), also what that engine would refuse (errors, such as a MySQL key over 3,072 bytes) and what its export changes (warnings, the codes of `GET /schemas/{id}/export/sql`).',
        errorResponses: errorResponses(
          'DESIGN_TOO_LARGE',
          'VALIDATION_ERROR',
          'INVALID_JSON',
          'PAYLOAD_TOO_LARGE',
          'UNSUPPORTED_MEDIA_TYPE',
        ),
      },
    })
    .input(
      withExample(DesignDocumentSchema.extend({ dialect: z.enum(SQL_DIALECTS).optional() }), EXAMPLE_DESIGN),
    )
    .output(z.object({ valid: z.boolean(), errors: z.array(IssueSchema), warnings: z.array(IssueSchema) }))
    .mutation(({ ctx, input }) => {
      const { dialect, ...document } = input;
      assertDesignSize(document, designLimits(ctx.services.config));
      return validateDesign(document, dialect === undefined ? {} : { dialect });
    }),

  get: userProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/schemas/{id}',
        tags,
        summary: 'Get a design',
        description: 'Its metadata and its current document under `definition`.',
        errorResponses: errorResponses('SCHEMA_NOT_FOUND', 'VALIDATION_ERROR'),
      },
    })
    .input(withExample(byId, { id: EXAMPLE_IDS.schema }))
    .output(SchemaResourceSchema)
    .query(({ ctx, input }) => {
      const owned = { db: ctx.services.db, user: ctx.user, id: input.id };
      return ctx.storedJson === 'text' ? getStoredSchema(owned) : getSchema(owned);
    }),

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
        errorResponses: errorResponses(
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
          'Send the whole document plus `expectedVersion`, the version you edited (or, over REST, the ETag you read in an `If-Match` header): if someone saved in between, 409 `VERSION_CONFLICT` (412 `PRECONDITION_FAILED` for a stale `If-Match`). The document is validated as on create. An unchanged document creates no version.',
      },
    })
    .input(
      withExample(UpdateSchemaInputSchema, {
        id: EXAMPLE_IDS.schema,
        expectedVersion: 1,
        ...EXAMPLE_DESIGN_V2,
        changeNote: 'Orders know when they were placed',
      }),
    )
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
        description:
          'The design disappears from lists and lookups at once. Its database, if any, is dropped with `dropDatabase=true` (409 `DATABASE_BUSY` while a job runs on it), otherwise kept as a detached database you can still reach and drop from `/databases`.',
        errorResponses: errorResponses('SCHEMA_NOT_FOUND', 'VALIDATION_ERROR', 'DATABASE_BUSY'),
      },
    })
    .input(
      withExample(byId.extend({ dropDatabase: FlagSchema }), {
        id: EXAMPLE_IDS.schema,
        dropDatabase: 'true',
      }),
    )
    .output(
      z.object({
        id: z.string(),
        deletedAt: z.string(),
        database: z
          .object({ id: z.string(), status: z.enum(DATABASE_STATUSES), detached: z.boolean() })
          .nullable(),
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
        description:
          'Compares two saved versions and answers the ordered steps (SQL for PostgreSQL), each with its hazards (e.g. DESTRUCTIVE, DATA_DEPENDENT), and a summary. Nothing is run: see `POST /schemas/{id}/database/migrate` for that.',
        errorResponses: errorResponses(
          'SCHEMA_NOT_FOUND',
          'VERSION_NOT_FOUND',
          'MIGRATION_REFUSED',
          'VALIDATION_ERROR',
        ),
      },
    })
    .input(
      withExample(byId.extend({ from: VersionNumberSchema, to: VersionNumberSchema }), {
        id: EXAMPLE_IDS.schema,
        from: 1,
        to: 2,
      }),
    )
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
        description:
          'CREATE statements for PostgreSQL, MySQL or SQLite, whole (`sql`) and one by one (`statements`). Default: the current version, PostgreSQL. The SQL runs on its engine; where the engine has no exact form of the design, the export writes the nearest faithful one and lists it in `warnings` (`code`, `path` in the design, `message`), each also a `-- CODE: …` comment line at the spot in the SQL. PostgreSQL exports have none.',
        errorResponses: errorResponses('SCHEMA_NOT_FOUND', 'VERSION_NOT_FOUND', 'VALIDATION_ERROR'),
      },
    })
    .input(
      withExample(
        byId.extend({
          dialect: z.enum(SQL_DIALECTS).default('postgresql'),
          version: VersionNumberSchema.optional(),
        }),
        { id: EXAMPLE_IDS.schema, dialect: 'postgresql', version: 1 },
      ),
    )
    .output(
      z.object({
        dialect: z.enum(SQL_DIALECTS),
        sql: z.string(),
        statements: z.array(z.string()),
        warnings: z.array(ExportWarningSchema),
      }),
    )
    .query(({ ctx, input }) => exportSql({ db: ctx.services.db, user: ctx.user, ...input })),

  versions: userProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/schemas/{id}/versions',
        tags,
        summary: 'The saved versions, newest first',
        description:
          'Each version number with when it was saved and its change note; the documents are at `/versions/{version}`.',
        errorResponses: errorResponses('SCHEMA_NOT_FOUND', 'VALIDATION_ERROR'),
      },
    })
    .input(withExample(byId.extend(PageInputSchema.shape), { id: EXAMPLE_IDS.schema, limit: 20 }))
    .output(pageSchema(SchemaVersionSummarySchema))
    .query(({ ctx, input }) => listSchemaVersions({ db: ctx.services.db, user: ctx.user, ...input })),

  version: userProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/schemas/{id}/versions/{version}',
        tags,
        summary: 'One saved version',
        description: 'The document as it was saved in that version.',
        errorResponses: errorResponses('SCHEMA_NOT_FOUND', 'VERSION_NOT_FOUND', 'VALIDATION_ERROR'),
      },
    })
    .input(withExample(byId.extend({ version: VersionNumberSchema }), { id: EXAMPLE_IDS.schema, version: 1 }))
    .output(SchemaVersionSchema)
    .query(({ ctx, input }) => getSchemaVersion({ db: ctx.services.db, user: ctx.user, ...input })),
});
