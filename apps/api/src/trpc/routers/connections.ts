import { z } from 'zod';
import {
  createConnection,
  deleteConnection,
  findConnection,
  listConnections,
  toConnectionResource,
  updateConnection,
} from '../../domain/connections/connections.ts';
import { PROBE_CODES } from '../../domain/connections/probe.ts';
import { testConnection } from '../../domain/connections/test-connection.ts';
import { testConnectionInput } from '../../domain/connections/test-input.ts';
import {
  ConnectionIdSchema,
  ConnectionInputSchema,
  ConnectionPatchSchema,
  ConnectionSchema,
  ConnectionTestInputSchema,
} from '../../domain/connections/types.ts';
import { PageInputSchema, pageSchema } from '../../domain/pagination/page.ts';
import { errorResponses } from '../../rest/error-responses.ts';
import { EXAMPLE_IDS, withExample } from '../../rest/examples.ts';
import { created } from '../../rest/success-policy.ts';
import { router, userProcedure } from '../trpc.ts';

const tags = ['connections'];
const byId = z.object({ id: ConnectionIdSchema });
const notFound = errorResponses('CONNECTION_NOT_FOUND', 'VALIDATION_ERROR');

const TestResultSchema = z
  .object({
    ok: z.boolean(),
    latencyMs: z.number().optional(),
    code: z.enum(PROBE_CODES).optional(),
    message: z.string().optional(),
  })
  .meta({ id: 'ConnectionTestResult' });

export const connectionsRouter = router({
  create: userProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/connections',
        tags,
        summary: 'Save a connection (its password is stored encrypted, never returned)',
        description:
          "A PostgreSQL, MySQL, MongoDB or SQLite database to import from and browse. Give host/port/database/username/password or a `connectionString`; for SQLite, `database` is a file under the server's configured directory. Hosts outside the allowed networks are refused when used. Nothing is connected yet: see `/connections/{id}/test`.",
        errorResponses: errorResponses('VALIDATION_ERROR', 'DUPLICATE_NAME'),
      },
      success: created(ConnectionSchema, (connection) => `/connections/${connection.id}`),
    })
    .input(
      withExample(ConnectionInputSchema, {
        name: 'shop (sqlite)',
        description: 'The shop as it runs today',
        type: 'sqlite',
        database: 'shop.db',
        color: '#3366ff',
      }),
    )
    .output(ConnectionSchema)
    .mutation(({ ctx, input }) =>
      createConnection({ db: ctx.services.db, secrets: ctx.services.secrets, ownerId: ctx.user.id, input }),
    ),

  list: userProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/connections',
        tags,
        summary: 'Your saved connections, newest first',
        description: 'Every saved connection, without secrets (`hasSecret` says whether one is stored).',
        errorResponses: errorResponses('VALIDATION_ERROR'),
      },
    })
    .input(withExample(PageInputSchema, { limit: 20 }))
    .output(pageSchema(ConnectionSchema))
    .query(({ ctx, input }) => listConnections({ db: ctx.services.db, ownerId: ctx.user.id, ...input })),

  get: userProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/connections/{id}',
        tags,
        summary: 'A saved connection',
        description: 'Its settings without secrets.',
        errorResponses: notFound,
      },
    })
    .input(withExample(byId, { id: EXAMPLE_IDS.connection }))
    .output(ConnectionSchema)
    .query(async ({ ctx, input }) =>
      toConnectionResource(await findConnection(ctx.services.db, ctx.user.id, input.id)),
    ),

  update: userProcedure
    .meta({
      openapi: {
        method: 'PATCH',
        path: '/connections/{id}',
        tags,
        summary: 'Change a connection (also to toggle `active`)',
        description:
          'Only the fields sent change. A new password or connection string replaces the stored one; `sslRootCert: null` removes the trusted certificates. An inactive connection refuses imports and syncs (409 `CONNECTION_INACTIVE`).',
        errorResponses: errorResponses('CONNECTION_NOT_FOUND', 'VALIDATION_ERROR', 'DUPLICATE_NAME'),
      },
    })
    .input(
      withExample(ConnectionPatchSchema.extend({ id: ConnectionIdSchema }), {
        id: EXAMPLE_IDS.connection,
        description: 'The shop, read-only copy',
        active: true,
      }),
    )
    .output(ConnectionSchema)
    .mutation(({ ctx, input }) => {
      const { id, ...patch } = input;
      return updateConnection({
        db: ctx.services.db,
        secrets: ctx.services.secrets,
        ownerId: ctx.user.id,
        id,
        patch,
      });
    }),

  delete: userProcedure
    .meta({
      openapi: {
        method: 'DELETE',
        path: '/connections/{id}',
        tags,
        summary: 'Forget a connection',
        description: 'Deletes it with its stored secret and catalog; designs imported through it stay.',
        errorResponses: notFound,
      },
    })
    .input(withExample(byId, { id: EXAMPLE_IDS.connection }))
    .output(z.object({ id: z.string(), deleted: z.literal(true) }))
    .mutation(({ ctx, input }) =>
      deleteConnection({ db: ctx.services.db, ownerId: ctx.user.id, id: input.id }),
    ),

  test: userProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/connections/{id}/test',
        tags,
        summary: 'Try to connect (bounded time; stable result codes, never the server text)',
        description:
          "Answers 200 either way: `ok` with the latency, or `ok: false` with a stable `code` (e.g. `AUTH_FAILED`, `UNREACHABLE`, `HOST_NOT_ALLOWED`) and a message that never repeats the server's own text. Needs no body.",
        errorResponses: notFound,
      },
    })
    .input(withExample(byId, { id: EXAMPLE_IDS.connection }))
    .output(TestResultSchema)
    .mutation(({ ctx, input }) =>
      testConnection({
        db: ctx.services.db,
        secrets: ctx.services.secrets,
        policy: ctx.services.hostPolicy,
        sqliteDir: ctx.services.config.CONNECTIONS_SQLITE_DIR,
        timeoutMs: ctx.services.config.CONNECTION_TEST_TIMEOUT_MS,
        ownerId: ctx.user.id,
        id: input.id,
      }),
    ),

  testInput: userProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/connections/test',
        tags,
        summary: 'Try to connect to a connection before saving it (nothing is stored)',
        description:
          "The same checks as saving (422 at the field), the same host policy and time limit as `/connections/{id}/test`, and the same answer: `ok` with the latency, or `ok: false` with a stable `code`. With `id`, a password or connection string left out is that saved connection's (for testing an edit).",
        errorResponses: notFound,
      },
    })
    .input(withExample(ConnectionTestInputSchema, { type: 'sqlite', database: 'shop.db' }))
    .output(TestResultSchema)
    .mutation(({ ctx, input }) =>
      testConnectionInput({
        db: ctx.services.db,
        secrets: ctx.services.secrets,
        policy: ctx.services.hostPolicy,
        sqliteDir: ctx.services.config.CONNECTIONS_SQLITE_DIR,
        timeoutMs: ctx.services.config.CONNECTION_TEST_TIMEOUT_MS,
        ownerId: ctx.user.id,
        input,
      }),
    ),
});
