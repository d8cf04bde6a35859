import type { Design, DesignDocument } from '@schema-builder/schema-model/design';
import { sameSqlExpression } from '@schema-builder/schema-model/sql-expression';
import { parseDesign } from '@schema-builder/schema-model/validation';

/**
 * A design with generated columns and every kind of richer index: expression keys, sort order
 * with NULLS, partial, hash, GIN, BRIN. Its expressions are ones PostgreSQL writes back with
 * the same parse tree (no implicit cast for it to add), so an import compares equal.
 */
export function generatedAndIndexesDocument(): DesignDocument {
  return {
    name: 'generated and indexes',
    tables: [
      {
        id: 't_items',
        name: 'items',
        columns: [
          { id: 'c_id', name: 'id', dataType: 'BIGINT', primaryKey: true, autoIncrement: true },
          { id: 'c_name', name: 'name', dataType: 'TEXT', nullable: false },
          { id: 'c_qty', name: 'qty', dataType: 'INTEGER', nullable: false },
          { id: 'c_attrs', name: 'attrs', dataType: 'JSONB' },
          { id: 'c_at', name: 'created_at', dataType: 'TIMESTAMPTZ', nullable: false, defaultValue: 'now()' },
          {
            id: 'c_double',
            name: 'double_qty',
            dataType: 'INTEGER',
            nullable: false,
            generated: { expression: 'qty * 2' },
          },
          { id: 'c_lower', name: 'name_lower', dataType: 'TEXT', generated: { expression: 'lower(name)' } },
        ],
        indexes: [
          {
            id: 'i_lower',
            name: 'items_name_lower_key',
            columns: [],
            keys: [{ expression: 'lower(name)' }],
            unique: true,
          },
          {
            id: 'i_order',
            name: 'items_qty_desc_idx',
            columns: [],
            keys: [{ column: 'qty', order: 'DESC', nulls: 'LAST' }, { column: 'name' }],
          },
          { id: 'i_partial', name: 'items_in_stock_idx', columns: ['name'], where: 'qty > 0' },
          {
            id: 'i_unique_partial',
            name: 'items_name_in_stock_key',
            columns: ['name'],
            unique: true,
            where: 'qty > 0',
          },
          { id: 'i_hash', name: 'items_name_hash_idx', columns: ['name'], method: 'hash' },
          { id: 'i_gin', name: 'items_attrs_idx', columns: ['attrs'], method: 'gin' },
          { id: 'i_brin', name: 'items_created_idx', columns: ['created_at'], method: 'brin' },
        ],
      },
    ],
  };
}

export function designOf(document: DesignDocument): Design {
  const parsed = parseDesign(document);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.report.errors, null, 2));
  return parsed.design;
}

/**
 * What a design says about its tables' columns and indexes, by names, with expressions
 * replaced by the first equal one met (so `qty * 2` and `(qty * 2)` read the same).
 */
const seen: string[] = [];

export function structureOf(design: Design): unknown {
  const canonical = (text: string) => {
    const same = seen.find((other) => sameSqlExpression(other, text));
    if (same !== undefined) return same;
    seen.push(text);
    return text;
  };
  return design.tables.map((table) => {
    const name = (id: string) => table.columns.find((c) => c.id === id)?.name ?? id;
    return {
      name: table.name,
      columns: table.columns.map((c) => ({
        name: c.name,
        type: c.type,
        nullable: c.nullable,
        identity: c.identity,
        generated: c.generated === undefined ? null : canonical(c.generated),
      })),
      indexes: [...table.indexes]
        .sort((a, b) => (a.name < b.name ? -1 : 1))
        .map((index) => ({
          name: index.name,
          unique: index.unique,
          method: index.method,
          where: index.where === undefined ? null : canonical(index.where),
          keys: index.keys.map((key) => ({
            key: key.kind === 'column' ? name(key.columnId) : canonical(key.expression),
            descending: key.descending,
            nulls: key.nulls ?? null,
          })),
        })),
    };
  });
}
