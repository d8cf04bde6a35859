import { z } from 'zod';
import { browseChildren, browseNode } from '../../domain/connections/browse-catalog.ts';
import { CATALOG_KINDS } from '../../domain/connections/live-catalog.ts';
import { listSyncs, syncCatalog } from '../../domain/connections/sync-catalog.ts';
import { ConnectionIdSchema } from '../../domain/connections/types.ts';
import { PageInputSchema, pageSchema } from '../../domain/pagination/page.ts';
import { errorResponses } from '../../rest/error-responses.ts';
import { EXAMPLE_IDS, withExample } from '../../rest/examples.ts';
import { router, userProcedure } from '../trpc.ts';

const tags = ['connections'];
const name = z.string().min(1).max(500);
/** Stored as text: the enum documents the closed set without re-checking every stored row. */
const kind = z.string().meta({ enum: [...CATALOG_KINDS], description: 'database, table, view or column' });
const notFound = errorResponses('CONNECTION_NOT_FOUND', 'CATALOG_OBJECT_NOT_FOUND', 'VALIDATION_ERROR');

const NodeSchema = z
  .object({
    name: z.string(),
    kind,
    details: z.record(z.string(), z.unknown()),
    firstSeenAt: z.string(),
    changedAt: z.string(),
  })
  .meta({ id: 'CatalogNode' });
const NodesSchema = pageSchema(NodeSchema);
const ChangeSchema = z.object({ path: z.string(), kind });

export const catalogRouter = router({
  sync: userProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/connections/{id}/sync',
        tags,
        summary: 'Read the live structure; answer what was added, removed and changed since the last sync',
        description:
          "Connects, reads databases, tables, views and columns, stores them as the connection's catalog and answers the differences from the last sync by path (`main/customers/email`). The browse routes below read what the last sync stored. Needs no body.",
        errorResponses: errorResponses(
          'CONNECTION_NOT_FOUND',
          'CONNECTION_INACTIVE',
          'CONNECTION_FAILED',
          'VALIDATION_ERROR',
        ),
      },
    })
    .input(withExample(z.object({ id: ConnectionIdSchema }), { id: EXAMPLE_IDS.connection }))
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
        description:
          'Each sync of the connection, newest first, with the number of objects added, removed and changed.',
        errorResponses: notFound,
      },
    })
    .input(
      withExample(PageInputSchema.extend({ id: ConnectionIdSchema }), {
        id: EXAMPLE_IDS.connection,
        limit: 20,
      }),
    )
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
        description: 'The databases of the connection as the last sync saw them (SQLite has one, `main`).',
        errorResponses: notFound,
      },
    })
    .input(
      withExample(PageInputSchema.extend({ id: ConnectionIdSchema }), {
        id: EXAMPLE_IDS.connection,
        limit: 20,
      }),
    )
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
        description: 'Each table and view with its comment, keys and indexes under `details`.',
        errorResponses: notFound,
      },
    })
    .input(
      withExample(PageInputSchema.extend({ id: ConnectionIdSchema, database: name }), {
        id: EXAMPLE_IDS.connection,
        database: 'main',
        limit: 20,
      }),
    )
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
        description: 'Each column with its type, nullability and default under `details`.',
        errorResponses: notFound,
      },
    })
    .input(
      withExample(PageInputSchema.extend({ id: ConnectionIdSchema, database: name, table: name }), {
        id: EXAMPLE_IDS.connection,
        database: 'main',
        table: 'customers',
        limit: 20,
      }),
    )
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
        description: 'One column as the last sync saw it, with when it was first seen and last changed.',
        errorResponses: notFound,
      },
    })
    .input(
      withExample(z.object({ id: ConnectionIdSchema, database: name, table: name, column: name }), {
        id: EXAMPLE_IDS.connection,
        database: 'main',
        table: 'customers',
        column: 'email',
      }),
    )
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
