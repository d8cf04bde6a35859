import { z } from 'zod';
import { browseChildren, browseNode } from '../../domain/connections/browse-catalog.ts';
import { listSyncs, syncCatalog } from '../../domain/connections/sync-catalog.ts';
import { ConnectionIdSchema } from '../../domain/connections/types.ts';
import { PageInputSchema, pageSchema } from '../../domain/pagination/page.ts';
import { userErrorResponses } from '../../rest/error-responses.ts';
import { router, userProcedure } from '../trpc.ts';

const tags = ['connections'];
const name = z.string().min(1).max(500);
const notFound = userErrorResponses('CONNECTION_NOT_FOUND', 'CATALOG_OBJECT_NOT_FOUND', 'VALIDATION_ERROR');

const NodeSchema = z
  .object({
    name: z.string(),
    kind: z.string().meta({ description: 'database, table, view or column' }),
    details: z.record(z.string(), z.unknown()),
    firstSeenAt: z.string(),
    changedAt: z.string(),
  })
  .meta({ id: 'CatalogNode' });
const NodesSchema = pageSchema(NodeSchema);
const ChangeSchema = z.object({ path: z.string(), kind: z.string() });

export const catalogRouter = router({
  sync: userProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/connections/{id}/sync',
        tags,
        summary: 'Read the live structure; answer what was added, removed and changed since the last sync',
        errorResponses: userErrorResponses(
          'CONNECTION_NOT_FOUND',
          'CONNECTION_INACTIVE',
          'CONNECTION_FAILED',
          'VALIDATION_ERROR',
        ),
      },
    })
    .input(z.object({ id: ConnectionIdSchema }))
    .output(
      z.object({
        id: z.string(),
        startedAt: z.string(),
        finishedAt: z.string(),
        added: z.array(ChangeSchema),
        removed: z.array(ChangeSchema),
        changed: z.array(ChangeSchema.extend({ fields: z.array(z.string()) })),
      }),
    )
    .mutation(({ ctx, input }) =>
      syncCatalog({
        db: ctx.services.db,
        secrets: ctx.services.secrets,
        policy: ctx.services.hostPolicy,
        sqliteDir: ctx.services.config.CONNECTIONS_SQLITE_DIR,
        timeoutMs: ctx.services.config.IMPORT_TIMEOUT_MS,
        ownerId: ctx.user.id,
        id: input.id,
      }),
    ),

  syncs: userProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/connections/{id}/syncs',
        tags,
        summary: 'When it was synced, and how much changed',
        errorResponses: notFound,
      },
    })
    .input(PageInputSchema.extend({ id: ConnectionIdSchema }))
    .output(
      pageSchema(
        z.object({
          id: z.string(),
          startedAt: z.string(),
          finishedAt: z.string(),
          added: z.int(),
          removed: z.int(),
          changed: z.int(),
        }),
      ),
    )
    .query(({ ctx, input }) => listSyncs({ db: ctx.services.db, ownerId: ctx.user.id, ...input })),

  databases: userProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/connections/{id}/databases',
        tags,
        summary: 'Databases seen by the last sync',
        errorResponses: notFound,
      },
    })
    .input(PageInputSchema.extend({ id: ConnectionIdSchema }))
    .output(NodesSchema)
    .query(({ ctx, input: { id, ...page } }) =>
      browseChildren({ db: ctx.services.db, ownerId: ctx.user.id, id, names: [], ...page }),
    ),

  tables: userProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/connections/{id}/databases/{database}/tables',
        tags,
        summary: 'Tables and views of a database',
        errorResponses: notFound,
      },
    })
    .input(PageInputSchema.extend({ id: ConnectionIdSchema, database: name }))
    .output(NodesSchema)
    .query(({ ctx, input: { id, database, ...page } }) =>
      browseChildren({ db: ctx.services.db, ownerId: ctx.user.id, id, names: [database], ...page }),
    ),

  columns: userProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/connections/{id}/databases/{database}/tables/{table}/columns',
        tags,
        summary: 'Columns of a table',
        errorResponses: notFound,
      },
    })
    .input(PageInputSchema.extend({ id: ConnectionIdSchema, database: name, table: name }))
    .output(NodesSchema)
    .query(({ ctx, input: { id, database, table, ...page } }) =>
      browseChildren({ db: ctx.services.db, ownerId: ctx.user.id, id, names: [database, table], ...page }),
    ),

  column: userProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/connections/{id}/databases/{database}/tables/{table}/columns/{column}',
        tags,
        summary: 'A column: type, nullability, default, keys, reference, indexes, comment',
        errorResponses: notFound,
      },
    })
    .input(z.object({ id: ConnectionIdSchema, database: name, table: name, column: name }))
    .output(NodeSchema)
    .query(({ ctx, input }) =>
      browseNode({
        db: ctx.services.db,
        ownerId: ctx.user.id,
        id: input.id,
        names: [input.database, input.table, input.column],
      }),
    ),
});
