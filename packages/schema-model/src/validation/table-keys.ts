import type { ColumnDocument, TableDocument } from '../design/document.ts';
import type { DocumentLookup } from '../design/lookup.ts';

interface TableFacts {
  /** Sorted column-id lists of the primary key, unique columns and unique indexes. */
  uniqueKeys: Set<string>;
  /** Column-id lists whose leading columns an index can serve: primary key, then each index. */
  indexed: string[][];
}

const keyOf = (ids: readonly string[]) => [...ids].sort().join('\u0000');

/** What each table guarantees (unique keys) and speeds up (indexes), computed once per table. */
export class TableKeys {
  readonly #facts = new Map<TableDocument, TableFacts>();
  readonly #lookup: DocumentLookup;

  constructor(lookup: DocumentLookup) {
    this.#lookup = lookup;
  }

  /** Whether the columns, as a set, are the primary key, a unique column or a unique index. */
  isUniqueKey(table: TableDocument, columns: readonly ColumnDocument[]): boolean {
    return this.#of(table).uniqueKeys.has(keyOf(columns.map((column) => column.id)));
  }

  /** Whether the columns, in any order, are the leading columns of the primary key or an index. */
  isIndexed(table: TableDocument, columns: readonly ColumnDocument[]): boolean {
    const first = columns[0];
    if (columns.length === 1 && first?.unique === true) return true;
    const wanted = new Set(columns.map((column) => column.id));
    return this.#of(table).indexed.some((ids) => {
      if (ids.length < wanted.size) return false;
      const leading = new Set(ids.slice(0, wanted.size));
      return leading.size === wanted.size && [...leading].every((id) => wanted.has(id));
    });
  }

  #of(table: TableDocument): TableFacts {
    let facts = this.#facts.get(table);
    if (facts) return facts;
    const primaryKey = table.columns
      .filter((column) => column.primaryKey === true)
      .map((column) => column.id);
    const uniqueKeys = new Set<string>();
    const indexed: string[][] = [];
    if (primaryKey.length > 0) {
      uniqueKeys.add(keyOf(primaryKey));
      indexed.push(primaryKey);
    }
    for (const column of table.columns) if (column.unique === true) uniqueKeys.add(column.id);
    for (const index of table.indexes ?? []) {
      // Only a whole-table B-tree index on plain columns backs a key or an FK lookup.
      if ((index.method ?? 'btree') !== 'btree' || index.where != null) continue;
      const keys = index.keys?.length ? index.keys : index.columns.map((column) => ({ column }));
      const refs = keys.flatMap((key) => (key.column ? [key.column] : []));
      const ids = refs.flatMap((ref) => {
        const column = this.#lookup.column(table, ref);
        return column ? [column.id] : [];
      });
      if (ids.length !== keys.length || ids.length === 0) continue;
      indexed.push(ids);
      if (index.unique === true) uniqueKeys.add(keyOf(ids));
    }
    facts = { uniqueKeys, indexed };
    this.#facts.set(table, facts);
    return facts;
  }
}
