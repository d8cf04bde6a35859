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
import {
  ConnectionIdSchema,
  ConnectionInputSchema,
  ConnectionPatchSchema,
  ConnectionSchema,
} from '../../domain/connections/types.ts';
import { PageInputSchema, pageSchema } from '../../domain/pagination/page.ts';
import { userErrorResponses } from '../../rest/error-responses.ts';
import { created } from '../../rest/success-policy.ts';
import { router, userProcedure } from '../trpc.ts';

const tags = ['connections'];
const byId = z.object({ id: ConnectionIdSchema });
const notFound = userErrorResponses('CONNECTION_NOT_FOUND', 'VALIDATION_ERROR');

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
        errorResponses: userErrorResponses('VALIDATION_ERROR', 'DUPLICATE_NAME'),
      },
      success: created(ConnectionSchema, (connection) => `/connections/${connection.id}`),
    })
    .input(ConnectionInputSchema)
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
        errorResponses: userErrorResponses('VALIDATION_ERROR'),
      },
    })
    .input(PageInputSchema)
    .output(pageSchema(ConnectionSchema))
    .query(({ ctx, input }) => listConnections({ db: ctx.services.db, ownerId: ctx.user.id, ...input })),

  get: userProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/connections/{id}',
        tags,
        summary: 'A saved connection',
        errorResponses: notFound,
      },
    })
    .input(byId)
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
        errorResponses: userErrorResponses('CONNECTION_NOT_FOUND', 'VALIDATION_ERROR', 'DUPLICATE_NAME'),
      },
    })
    .input(ConnectionPatchSchema.extend({ id: ConnectionIdSchema }))
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
        errorResponses: notFound,
      },
    })
    .input(byId)
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
        errorResponses: notFound,
      },
    })
    .input(byId)
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
});
