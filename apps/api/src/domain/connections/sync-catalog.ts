import type { Database } from '@schema-builder/db';
import { catalogObjects, catalogSyncs } from '@schema-builder/db';
import { and, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { KeysetOrder } from '../pagination/keyset.ts';
import { afterCursor, cursorKeyOf, orderOf, rowsFor, toPage } from '../pagination/keyset.ts';
import type { PageInput } from '../pagination/page.ts';
import { canonicalJson } from '../schemas/update-schema.ts';
import { assertActive, findConnection } from './connections.ts';
import type { CatalogEntry } from './live-catalog.ts';
import { readLiveCatalog } from './live-catalog.ts';
import type { TargetOptions } from './test-connection.ts';

export interface SyncOptions extends TargetOptions {
  db: Database;
  ownerId: string;
  id: string;
  timeoutMs: number;
}

export interface ChangedEntry {
  path: string;
  kind: string;
  /** The detail fields whose values differ from the previous sync. */
  fields: string[];
}

/**
 * Reads the connection's live structure and stores it, as a diff against the previous sync:
 * added, removed and changed objects, recorded with the time of the sync.
 */
export async function syncCatalog(options: SyncOptions) {
  const row = await findConnection(options.db, options.ownerId, options.id);
  assertActive(row);
  const startedAt = new Date();
  const live = await readLiveCatalog(row, options);
  return options.db.transaction(async (tx) => {
    // One sync at a time per connection: the diff must be against the rows it replaces.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`catalog-sync:${row.id}`}))`);
    const stored = await tx.select().from(catalogObjects).where(eq(catalogObjects.connectionId, row.id));
    const before = new Map(stored.map((entry) => [entry.path, entry]));
    const now = new Map(live.map((entry) => [entry.path, entry]));

    const added = live.filter((entry) => !before.has(entry.path));
    const removed = stored.filter((entry) => !now.has(entry.path));
    const changed: Array<{ entry: CatalogEntry; fields: string[] }> = [];
    for (const entry of live) {
      const previous = before.get(entry.path);
      if (!previous) continue;
      const fields = Object.keys({ ...previous.details, ...entry.details }).filter(
        (key) => canonicalJson(previous.details[key]) !== canonicalJson(entry.details[key]),
      );
      if (fields.length > 0) changed.push({ entry, fields });
    }

    if (removed.length > 0) {
      await tx.delete(catalogObjects).where(
        and(
          eq(catalogObjects.connectionId, row.id),
          inArray(
            catalogObjects.path,
            removed.map((entry) => entry.path),
          ),
        ),
      );
    }
    for (let start = 0; start < added.length; start += 500) {
      await tx
        .insert(catalogObjects)
        .values(added.slice(start, start + 500).map((entry) => ({ ...entry, connectionId: row.id })));
    }
    for (const { entry } of changed) {
      await tx
        .update(catalogObjects)
        .set({ details: entry.details, changedAt: sql`now()` })
        .where(and(eq(catalogObjects.connectionId, row.id), eq(catalogObjects.path, entry.path)));
    }
    const changes = {
      added: added.map(({ path, kind }) => ({ path, kind })),
      removed: removed.map(({ path, kind }) => ({ path, kind })),
      changed: changed.map(
        ({ entry, fields }): ChangedEntry => ({ path: entry.path, kind: entry.kind, fields }),
      ),
    };
    const [sync] = await tx
      .insert(catalogSyncs)
      .values({
        connectionId: row.id,
        startedAt,
        added: added.length,
        removed: removed.length,
        changed: changed.length,
        changes,
      })
      .returning();
    if (!sync) throw new Error('INSERT … RETURNING returned no row');
    return {
      id: sync.id,
      startedAt: sync.startedAt.toISOString(),
      finishedAt: sync.finishedAt.toISOString(),
      ...changes,
    };
  });
}

const NEWEST_FIRST: KeysetOrder = {
  name: 'syncs',
  columns: [catalogSyncs.finishedAt, catalogSyncs.id],
  direction: 'desc',
};

/** A page of a connection's syncs, newest first. */
export async function listSyncs({
  db,
  ownerId,
  id,
  ...page
}: Pick<SyncOptions, 'db' | 'ownerId' | 'id'> & PageInput) {
  await findConnection(db, ownerId, id);
  const rows = await db
    .select({ ...getTableColumns(catalogSyncs), cursorKey: cursorKeyOf(NEWEST_FIRST) })
    .from(catalogSyncs)
    .where(and(eq(catalogSyncs.connectionId, id), afterCursor(NEWEST_FIRST, page.cursor)))
    .orderBy(...orderOf(NEWEST_FIRST))
    .limit(rowsFor(page));
  return toPage(NEWEST_FIRST, page, rows, (sync) => ({
    id: sync.id,
    startedAt: sync.startedAt.toISOString(),
    finishedAt: sync.finishedAt.toISOString(),
    added: sync.added,
    removed: sync.removed,
    changed: sync.changed,
  }));
}
