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
import { type DatabaseResource, DatabaseResourceSchema } from '../../domain/databases/resource.ts';
import { MAX_STATUS_WAIT_SECONDS, waitForChange } from '../../domain/databases/wait-for-change.ts';
import { watchDatabase } from '../../domain/databases/watch-database.ts';
import { PageInputSchema, pageSchema } from '../../domain/pagination/page.ts';
import { SchemaIdSchema } from '../../domain/schemas/types.ts';
import { errorResponses } from '../../rest/error-responses.ts';
import { EXAMPLE_IDS, withExample } from '../../rest/examples.ts';
import { accepted } from '../../rest/success-policy.ts';
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

/** Where queued work on a design's database can be followed. */
const statusOfDatabase = (database: DatabaseResource) => `/schemas/${database.schemaId}/database/status`;

export const databasesRouter = router({
  create: userProcedure
    .meta({
      rateClass: 'provision',
      openapi: {
        method: 'POST',
        path: '/schemas/{id}/database',
        tags,
        summary:
          "Provision a PostgreSQL database from the design's current version (answers at once; poll the status)",
        description:
          'Queues the job and answers 202 with the database in `pending`: a worker creates the database and its own role, then applies the design. Poll `GET /schemas/{id}/database/status` until `ready` (or `failed`, with the reason); the connection string is at `/credentials`. One database per design. Needs no body.',
        errorResponses: errorResponses('SCHEMA_NOT_FOUND', 'VALIDATION_ERROR', 'DATABASE_EXISTS'),
      },
      success: accepted(DatabaseResourceSchema, { locate: statusOfDatabase }),
    })
    .input(withExample(bySchema, { id: EXAMPLE_IDS.schema }))
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
        summary: "The design's database: status, server, versions, size, connections, and a catalog check",
        description:
          'Cheap enough to poll. `status` moves from `pending`/`provisioning` to `ready` or `failed`; while a job runs, `progress` names its step. Once ready: the version it holds, its size, open connections, and whether its catalog still matches the design. ' +
          `With \`wait=N\` (seconds, at most ${MAX_STATUS_WAIT_SECONDS}) it is a long poll: it answers when there is news — ` +
          'while a job is in flight, its next step or status; with `since=<status>`, as soon as the status is another — ' +
          'or after N seconds, and at once when the database is idle. The same events as a stream: `GET /schemas/{id}/database/events`.',
        errorResponses: errorResponses('SCHEMA_NOT_FOUND', 'DATABASE_NOT_FOUND', 'VALIDATION_ERROR'),
      },
    })
    .input(
      withExample(
        bySchema.extend({
          wait: z.coerce.number().int().min(0).max(MAX_STATUS_WAIT_SECONDS).default(0),
          since: z.enum(DATABASE_STATUSES).optional(),
        }),
        { id: EXAMPLE_IDS.schema, wait: 0 },
      ),
    )
    .output(DatabaseResourceSchema)
    .query(async ({ ctx, input, signal }) => {
      const request = { services: ctx.services, user: ctx.user, schemaId: input.id, log: ctx.log };
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
      rateClass: 'provision',
      openapi: {
        method: 'POST',
        path: '/schemas/{id}/database/regenerate',
        tags,
        summary: 'Drop and rebuild the database from the current version',
        description: `${REGENERATE_WARNING} The role and its password are kept. Requires \`"confirm": true\` (400 \`CONFIRMATION_REQUIRED\` otherwise); answers 202, then poll the status.`,
        errorResponses: errorResponses('CONFIRMATION_REQUIRED', 'VALIDATION_ERROR', ...busyOrMissing),
      },
      success: accepted(DatabaseResourceSchema, { locate: statusOfDatabase }),
    })
    .input(
      withExample(bySchema.extend({ confirm: z.boolean().default(false) }), {
        id: EXAMPLE_IDS.schema,
        confirm: true,
      }),
    )
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
      rateClass: 'provision',
      openapi: {
        method: 'POST',
        path: '/schemas/{id}/database/retry',
        tags,
        summary: 'Run the failed job of a database again',
        description:
          'Only for a database in `failed`: queues its last job again (provision, migrate, drop…) and answers 202. Needs no body.',
        errorResponses: errorResponses(...busyOrMissing),
      },
      success: accepted(DatabaseResourceSchema, { locate: statusOfDatabase }),
    })
    .input(withExample(bySchema, { id: EXAMPLE_IDS.schema }))
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
        description:
          'A secret: the role can read and write every table of this database and nothing else. Answered only for a ready database (409 otherwise).',
        errorResponses: errorResponses(...busyOrMissing, 'SERVICE_UNAVAILABLE'),
      },
    })
    .input(withExample(bySchema, { id: EXAMPLE_IDS.schema }))
    .output(CredentialsSchema)
    .query(({ ctx, input }) =>
      getCredentials({ services: ctx.services, user: ctx.user, schemaId: input.id }),
    ),

  rotateCredentials: userProcedure
    .meta({
      rateClass: 'provision',
      openapi: {
        method: 'POST',
        path: '/schemas/{id}/database/credentials/rotate',
        tags,
        summary: 'Give the role a new password (the credentials endpoint returns it once set)',
        description:
          'Queues the change and answers 202; the old password works until the worker has set the new one. Needs no body.',
        errorResponses: errorResponses(...busyOrMissing),
      },
      success: accepted(DatabaseResourceSchema, { locate: statusOfDatabase }),
    })
    .input(withExample(bySchema, { id: EXAMPLE_IDS.schema }))
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
        summary: 'Your databases, newest first, including those whose design was deleted (detached)',
        description: 'Dropped databases are left out unless `includeDropped=true`.',
        errorResponses: errorResponses('VALIDATION_ERROR'),
      },
    })
    .input(
      withExample(PageInputSchema.extend({ includeDropped: FlagSchema }), {
        limit: 20,
        includeDropped: 'false',
      }),
    )
    .output(pageSchema(DatabaseResourceSchema))
    .query(({ ctx, input }) => listDatabases({ services: ctx.services, user: ctx.user, ...input })),

  drop: userProcedure
    .meta({
      rateClass: 'provision',
      openapi: {
        method: 'DELETE',
        path: '/databases/{databaseId}',
        tags,
        summary: 'Drop a database and its role (a detached one too); answers at once, poll the list',
        description:
          'Every row in it is lost. Queues the drop and answers 202; the database shows as `dropping`, then `dropped` in `GET /databases?includeDropped=true`. 409 `DATABASE_BUSY` while another job runs.',
        errorResponses: errorResponses('DATABASE_NOT_FOUND', 'DATABASE_BUSY', 'VALIDATION_ERROR'),
      },
      success: accepted(DatabaseResourceSchema),
    })
    .input(withExample(z.object({ databaseId: z.uuid() }), { databaseId: EXAMPLE_IDS.database }))
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
      rateClass: 'provision',
      openapi: {
        method: 'POST',
        path: '/schemas/{id}/database/migrate',
        tags,
        summary: 'Migrate the database to a version of the design, keeping its data',
        description:
          'Plans the steps from the version the database holds to `toVersion` (default: the current one), checks the live rows first, and refuses (409 `MIGRATION_REFUSED`) what would fail or destroy data unless its hazard is listed in `allowHazards`. `dryRun: true` reports and changes nothing (200); otherwise the migration is queued (202) — poll the status. Answers 200 when there is nothing to do.',
        errorResponses: errorResponses(
          ...busyOrMissing,
          'VERSION_NOT_FOUND',
          'MIGRATION_REFUSED',
          'SERVICE_UNAVAILABLE',
          'VALIDATION_ERROR',
        ),
      },
      success: accepted(MigrationReportSchema, {
        locate: (report) => statusOfDatabase(report.database),
        okWhenNothingQueued: true,
      }),
    })
    .input(
      withExample(bySchema.extend(MigrateInputSchema.shape), {
        id: EXAMPLE_IDS.schema,
        toVersion: 2,
        allowHazards: [],
        dryRun: true,
      }),
    )
    .output(MigrationReportSchema)
    .mutation(({ ctx, input: { id, ...input } }) =>
      migrateDatabase({ services: ctx.services, user: ctx.user, origin: ctx.origin, schemaId: id, input }),
    ),
});
