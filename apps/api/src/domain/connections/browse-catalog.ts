import type { Database } from '@schema-builder/db';
import { catalogObjects } from '@schema-builder/db';
import { and, eq, getTableColumns } from 'drizzle-orm';
import { AppError } from '../../errors/codes.ts';
import type { KeysetOrder } from '../pagination/keyset.ts';
import { afterCursor, cursorKeyOf, orderOf, rowsFor, toPage } from '../pagination/keyset.ts';
import type { PageInput } from '../pagination/page.ts';
import { findConnection } from './connections.ts';
import { pathOf } from './live-catalog.ts';

export interface BrowseOptions {
  db: Database;
  ownerId: string;
  id: string;
  /** Names from the database down, e.g. ['shop', 'orders']: [] lists the databases. */
  names: string[];
}

const toNode = (row: typeof catalogObjects.$inferSelect) => ({
  name: row.name,
  kind: row.kind,
  details: row.details,
  firstSeenAt: row.firstSeenAt.toISOString(),
  changedAt: row.changedAt.toISOString(),
});

/** By kind, then name; the path (unique per connection) breaks ties. */
const BY_KIND_AND_NAME: KeysetOrder = {
  name: 'catalog',
  columns: [catalogObjects.kind, catalogObjects.name, catalogObjects.path],
  direction: 'asc',
};

/** A page of one level of the tree stored by the last sync (databases, tables and views, or columns). */
export async function browseChildren({ db, ownerId, id, names, ...page }: BrowseOptions & PageInput) {
  await findConnection(db, ownerId, id);
  const parentPath = names.length === 0 ? '' : pathOf(...names);
  if (names.length > 0) await findNode(db, id, names);
  const rows = await db
    .select({ ...getTableColumns(catalogObjects), cursorKey: cursorKeyOf(BY_KIND_AND_NAME) })
    .from(catalogObjects)
    .where(
      and(
        eq(catalogObjects.connectionId, id),
        eq(catalogObjects.parentPath, parentPath),
        afterCursor(BY_KIND_AND_NAME, page.cursor),
      ),
    )
    .orderBy(...orderOf(BY_KIND_AND_NAME))
    .limit(rowsFor(page));
  return toPage(BY_KIND_AND_NAME, page, rows, toNode);
}

/** One object of the tree with its details (a column: type, keys, references, indexes…). */
export async function browseNode({ db, ownerId, id, names }: BrowseOptions) {
  await findConnection(db, ownerId, id);
  return toNode(await findNode(db, id, names));
}

async function findNode(db: Database, connectionId: string, names: string[]) {
  const [row] = await db
    .select()
    .from(catalogObjects)
    .where(and(eq(catalogObjects.connectionId, connectionId), eq(catalogObjects.path, pathOf(...names))));
  if (row) return row;
  throw new AppError('CATALOG_OBJECT_NOT_FOUND', `Nothing at ${names.join(' / ')} in the last sync.`, {
    details: [
      { path: 'path', code: 'CATALOG_OBJECT_NOT_FOUND', message: 'Sync the connection, or check the names.' },
    ],
  });
}
