import { DATABASE_STATUSES } from '@schema-builder/db';
import { z } from 'zod';
import {
  dropOwnedDatabase,
  REGENERATE_WARNING,
  regenerateDatabase,
  retryDatabase,
  rotateCredentials,
} from '../../domain/databases/change-database.ts';
import { CredentialsSchema, getCredentials } from '../../domain/databases/credentials.ts';
import { getDatabaseStatus, listDatabases } from '../../domain/databases/database-status.ts';
import {
  MigrateInputSchema,
  MigrationReportSchema,
  migrateDatabase,
} from '../../domain/databases/migrate-database.ts';
import { requestDatabase } from '../../domain/databases/request-provision.ts';
import { DatabaseResourceSchema } from '../../domain/databases/resource.ts';
import { MAX_STATUS_WAIT_SECONDS, waitForChange } from '../../domain/databases/wait-for-change.ts';
import { watchDatabase } from '../../domain/databases/watch-database.ts';
import { SchemaIdSchema } from '../../domain/schemas/types.ts';
import { userErrorResponses } from '../../rest/error-responses.ts';
import { router, userProcedure } from '../trpc.ts';

const tags = ['databases'];
const bySchema = z.object({ id: SchemaIdSchema });
/** A query-string flag: `true`/`false` (also 1/0, yes/no), over tRPC too. */
export const FlagSchema = z.stringbool().default(false);

const busyOrMissing = [
  'SCHEMA_NOT_FOUND',
  'DATABASE_NOT_FOUND',
  'DATABASE_BUSY',
  'DATABASE_NOT_READY',
] as const;

export const databasesRouter = router({
  create: userProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/schemas/{id}/database',
        tags,
        summary:
          "Provision a PostgreSQL database from the design's current version (answers at once; poll the status)",
        errorResponses: userErrorResponses('SCHEMA_NOT_FOUND', 'VALIDATION_ERROR', 'DATABASE_EXISTS'),
      },
    })
    .input(bySchema)
    .output(DatabaseResourceSchema)
    .mutation(({ ctx, input }) =>
      requestDatabase({ services: ctx.services, user: ctx.user, origin: ctx.origin, schemaId: input.id }),
    ),

  status: userProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/schemas/{id}/database/status',
        tags,
        summary:
          "The design's database: status, server, versions, size, connections, and a catalog check. " +
          `With wait=N (seconds, at most ${MAX_STATUS_WAIT_SECONDS}) a long poll: answers when there is news — ` +
          'while a job is in flight, its next step or status; with since=<status>, as soon as the status is another — ' +
          'or after N seconds; at once when the database is idle',
        errorResponses: userErrorResponses('SCHEMA_NOT_FOUND', 'DATABASE_NOT_FOUND', 'VALIDATION_ERROR'),
      },
    })
    .input(
      bySchema.extend({
        wait: z.coerce.number().int().min(0).max(MAX_STATUS_WAIT_SECONDS).default(0),
        since: z.enum(DATABASE_STATUSES).optional(),
      }),
    )
    .output(DatabaseResourceSchema)
    .query(async ({ ctx, input, signal }) => {
      const request = { services: ctx.services, user: ctx.user, schemaId: input.id };
      await waitForChange({ ...request, waitSeconds: input.wait, since: input.since, signal });
      return getDatabaseStatus(request);
    }),

  /**
   * The database's events as they happen (tRPC subscription over SSE; REST: GET
   * /api/v1/schemas/{id}/database/events): its current state first, then every status change and
   * job step, until the subscriber leaves.
   */
  events: userProcedure
    .input(bySchema)
    .subscription(({ ctx, input, signal }) =>
      watchDatabase({ services: ctx.services, user: ctx.user, schemaId: input.id, signal }),
    ),

  regenerate: userProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/schemas/{id}/database/regenerate',
        tags,
        summary: `Drop and rebuild the database from the current version. ${REGENERATE_WARNING} Requires "confirm": true.`,
        errorResponses: userErrorResponses('CONFIRMATION_REQUIRED', 'VALIDATION_ERROR', ...busyOrMissing),
      },
    })
    .input(bySchema.extend({ confirm: z.boolean().default(false) }))
    .output(DatabaseResourceSchema.extend({ warning: z.string() }))
    .mutation(({ ctx, input }) =>
      regenerateDatabase({
        services: ctx.services,
        user: ctx.user,
        origin: ctx.origin,
        schemaId: input.id,
        confirm: input.confirm,
      }),
    ),

  retry: userProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/schemas/{id}/database/retry',
        tags,
        summary: 'Run the failed job of a database again',
        errorResponses: userErrorResponses(...busyOrMissing),
      },
    })
    .input(bySchema)
    .output(DatabaseResourceSchema)
    .mutation(({ ctx, input }) =>
      retryDatabase({ services: ctx.services, user: ctx.user, origin: ctx.origin, schemaId: input.id }),
    ),

  credentials: userProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/schemas/{id}/database/credentials',
        tags,
        summary: "The database's connection string (its own role and password)",
        errorResponses: userErrorResponses(...busyOrMissing, 'SERVICE_UNAVAILABLE'),
      },
    })
    .input(bySchema)
    .output(CredentialsSchema)
    .query(({ ctx, input }) =>
      getCredentials({ services: ctx.services, user: ctx.user, schemaId: input.id }),
    ),

  rotateCredentials: userProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/schemas/{id}/database/credentials/rotate',
        tags,
        summary: 'Give the role a new password (the credentials endpoint returns it once set)',
        errorResponses: userErrorResponses(...busyOrMissing),
      },
    })
    .input(bySchema)
    .output(DatabaseResourceSchema)
    .mutation(({ ctx, input }) =>
      rotateCredentials({ services: ctx.services, user: ctx.user, origin: ctx.origin, schemaId: input.id }),
    ),

  list: userProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/databases',
        tags,
        summary: 'Your databases, including those whose design was deleted (detached)',
        errorResponses: userErrorResponses('VALIDATION_ERROR'),
      },
    })
    .input(z.object({ includeDropped: FlagSchema }))
    .output(z.object({ items: z.array(DatabaseResourceSchema) }))
    .query(({ ctx, input }) =>
      listDatabases({ services: ctx.services, user: ctx.user, includeDropped: input.includeDropped }),
    ),

  drop: userProcedure
    .meta({
      openapi: {
        method: 'DELETE',
        path: '/databases/{databaseId}',
        tags,
        summary: 'Drop a database and its role (a detached one too); answers at once, poll the list',
        errorResponses: userErrorResponses('DATABASE_NOT_FOUND', 'DATABASE_BUSY', 'VALIDATION_ERROR'),
      },
    })
    .input(z.object({ databaseId: z.uuid() }))
    .output(DatabaseResourceSchema)
    .mutation(({ ctx, input }) =>
      dropOwnedDatabase({
        services: ctx.services,
        user: ctx.user,
        origin: ctx.origin,
        databaseId: input.databaseId,
      }),
    ),

  migrate: userProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/schemas/{id}/database/migrate',
        tags,
        summary:
          'Migrate the database to a version of the design, keeping its data: checks the live rows first, refuses (409 MIGRATION_REFUSED) what would fail or destroy data without allowHazards; dryRun reports and changes nothing',
        errorResponses: userErrorResponses(
          ...busyOrMissing,
          'VERSION_NOT_FOUND',
          'MIGRATION_REFUSED',
          'SERVICE_UNAVAILABLE',
          'VALIDATION_ERROR',
        ),
      },
    })
    .input(bySchema.extend(MigrateInputSchema.shape))
    .output(MigrationReportSchema)
    .mutation(({ ctx, input: { id, ...input } }) =>
      migrateDatabase({ services: ctx.services, user: ctx.user, origin: ctx.origin, schemaId: id, input }),
    ),
});
