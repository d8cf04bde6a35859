import type { AnyColumn, SQL } from 'drizzle-orm';
import { asc, desc, sql } from 'drizzle-orm';
import { decodeCursor, encodeCursor } from './cursor.ts';
import type { Page, PageInput } from './page.ts';

/**
 * Keyset pagination: a page starts after the last item of the previous one by its sort key, so
 * items inserted or deleted meanwhile never shift a page (no repeats, no gaps, unlike OFFSET).
 */
export interface KeysetOrder {
  /** Names the order in its cursors, e.g. `schemas:-updatedAt`. */
  name: string;
  /** The sort key, ending with a unique column (the tie-breaker); all sorted one way. */
  columns: readonly AnyColumn[];
  direction: 'asc' | 'desc';
}

/** ORDER BY of the order. */
export function orderOf(order: KeysetOrder): SQL[] {
  return order.columns.map((column) => (order.direction === 'asc' ? asc(column) : desc(column)));
}

/** The WHERE condition for the page after `cursor` (undefined for the first page). */
export function afterCursor(order: KeysetOrder, cursor: string | undefined): SQL | undefined {
  if (cursor === undefined) return undefined;
  const keys = decodeCursor(cursor, order.name, order.columns.length);
  // A row comparison: (a, b) < ($1, $2) is "a < $1, or a = $1 and b < $2" — what the index reads.
  const columns = sql.join([...order.columns], sql`, `);
  const values = sql.join(
    keys.map((key) => sql`${key}`),
    sql`, `,
  );
  return order.direction === 'asc' ? sql`(${columns}) > (${values})` : sql`(${columns}) < (${values})`;
}

/** The sort key of each row as text, selected beside the row to make the next cursor from. */
export function cursorKeyOf(order: KeysetOrder): SQL<string[]> {
  return sql<string[]>`array[${sql.join(
    order.columns.map((column) => sql`${column}::text`),
    sql`, `,
  )}]`;
}

/** How many rows to read for a page: one more than it holds, to know whether another follows. */
export const rowsFor = (input: PageInput) => input.limit + 1;

/** The page of `rows` (read with `rowsFor` rows, each with its `cursorKey`). */
export function toPage<Row extends { cursorKey: string[] }, Item>(
  order: KeysetOrder,
  input: PageInput,
  rows: readonly Row[],
  toItem: (row: Row) => Item,
): Page<Item> {
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  const more = rows.length > input.limit;
  return {
    items: items.map(toItem),
    nextCursor: more && last ? encodeCursor(order.name, last.cursorKey) : null,
  };
}
