import { describe, expect, test } from 'vitest';
import {
  catalog,
  codes,
  column,
  columnOf,
  idKey,
  importValid,
  index,
  table,
  tableOf,
} from './catalog-builders.test-support.ts';
import { importExpression } from './expressions.ts';

const key = (name: string, descending = false, nullsFirst?: boolean) => ({
  column: name,
  descending,
  ...(nullsFirst === undefined ? {} : { nullsFirst }),
});

describe('importExpression: a database expression as a design expression (PostgreSQL syntax)', () => {
  test("PostgreSQL's own text is taken as it is", () => {
    expect(importExpression('postgresql', 'lower((email)::text)')).toEqual({
      expression: 'lower((email)::text)',
    });
  });

  test('MySQL: backquoted names become double-quoted, ucase/lcase upper/lower, when the result reads the same', () => {
    expect(importExpression('mysql', '`qty` * 2')).toEqual({ expression: '"qty" * 2' });
    expect(importExpression('mysql', "ucase(`email`) = 'LCASE(x)'")).toEqual({
      expression: `upper("email") = 'LCASE(x)'`,
    });
  });

  test('MySQL: what reads differently in PostgreSQL is refused, never guessed', () => {
    // A double-quoted text is a string in MySQL, a name in PostgreSQL; a backslash escapes in MySQL only.
    expect(importExpression('mysql', '`a` = "x"')).toHaveProperty('reason');
    expect(importExpression('mysql', "`a` = 'it\\'s'")).toHaveProperty('reason');
    // A function with no same-meaning form in both engines.
    expect(importExpression('mysql', "date_format(`at`, '%Y')")).toHaveProperty('reason');
  });

  test("SQLite: double-quoted names are PostgreSQL's; bracketed ones are refused", () => {
    expect(importExpression('sqlite', '("qty" > 0)')).toEqual({ expression: '("qty" > 0)' });
    expect(importExpression('sqlite', '[qty] > 0')).toHaveProperty('reason');
  });
});

describe('catalogToDesign: generated columns and richer indexes', () => {
  const source = catalog([
    table(
      'item',
      [
        column('id', 'integer', { nullable: false }),
        column('name', 'text', { nullable: false }),
        column('qty', 'integer'),
        column('attrs', 'jsonb'),
        column('double_qty', 'integer', { generated: '(qty * 2)', generatedKind: 'stored' }),
        column('slug', 'text', {
          generated: 'slugify(name)',
          generatedKind: 'stored',
          functions: ['slugify(text)'],
        }),
      ],
      {
        ...idKey(),
        indexes: [
          index('item_lower', ['lower(name)'], {
            expression: true,
            unique: true,
            keys: [{ expression: 'lower(name)', descending: false, nullsFirst: false }],
          }),
          index('item_order', ['qty', 'name'], { keys: [key('qty', true, false), key('name')] }),
          index('item_default_nulls', ['qty'], { keys: [key('qty', true, true)] }),
          index('item_stock', ['name'], {
            partial: true,
            where: '(qty > 0)',
            keys: [key('name', false, false)],
          }),
          index('item_attrs', ['attrs'], { method: 'gin', keys: [key('attrs', false, false)] }),
          index('item_trgm', ['name'], {
            method: 'gin',
            options: ['operator class gin_trgm_ops'],
            keys: [key('name')],
          }),
          index('item_spgist', ['name'], { method: 'spgist', keys: [key('name')] }),
          index('item_unaccent', ['unaccent(name)'], {
            expression: true,
            functions: ['unaccent(text)'],
            keys: [{ expression: 'unaccent(name)', descending: false }],
          }),
        ],
      },
    ),
  ]);
  const result = importValid(source);
  const item = tableOf(result.document, 'item');
  const byName = (name: string) => item.indexes?.find((i) => i.name === name);

  test('a generated column keeps its expression; one calling a function the design lacks is a plain column, warned', () => {
    expect(columnOf(result.document, 'item', 'double_qty').generated).toEqual({ expression: '(qty * 2)' });
    expect(columnOf(result.document, 'item', 'slug').generated).toBeUndefined();
    expect(codes(result)).toContain('GENERATED_COLUMN tables.item.columns.slug');
  });

  test('keys keep expressions, order and a NULLS that is not the default; predicate and method carry over', () => {
    expect(byName('item_lower')).toMatchObject({
      columns: [],
      keys: [{ expression: 'lower(name)' }],
      unique: true,
    });
    expect(byName('item_order')?.keys).toEqual([
      { column: expect.any(String), order: 'DESC', nulls: 'LAST' },
      { column: expect.any(String) },
    ]);
    // DESC NULLS FIRST is the default for DESC: only the order is kept.
    expect(byName('item_default_nulls')?.keys).toEqual([{ column: expect.any(String), order: 'DESC' }]);
    // A plain ascending index stays in the simple form.
    expect(byName('item_stock')).toMatchObject({ columns: [expect.any(String)], where: '(qty > 0)' });
    expect(byName('item_stock')?.keys).toBeUndefined();
    expect(byName('item_attrs')).toMatchObject({ method: 'gin' });
  });

  test('what the design cannot hold is not imported, and says why', () => {
    expect(byName('item_trgm')).toBeUndefined();
    expect(byName('item_spgist')).toBeUndefined();
    expect(byName('item_unaccent')).toBeUndefined();
    expect(codes(result)).toEqual(
      expect.arrayContaining([
        'INDEX_METHOD tables.item.indexes.item_trgm',
        'INDEX_METHOD tables.item.indexes.item_spgist',
        'INDEX_EXPRESSION tables.item.indexes.item_unaccent',
      ]),
    );
    expect(codes(result).filter((c) => c.includes('item_order') || c.includes('item_lower'))).toEqual([]);
  });

  test('MySQL: a virtual generated column becomes stored, warned', () => {
    const mysql = importValid(
      catalog([
        table(
          't',
          [
            column('id', 'int', { nullable: false }),
            column('twice', 'int', { generated: '`id` * 2', generatedKind: 'virtual' }),
          ],
          idKey(),
        ),
      ]),
      'mysql',
    );
    expect(columnOf(mysql.document, 't', 'twice').generated).toEqual({ expression: '"id" * 2' });
    expect(codes(mysql)).toContain('GENERATED_VIRTUAL_AS_STORED tables.t.columns.twice');
  });

  test('a generated column in the primary key, or computed from another generated one, is a plain column (PostgreSQL refuses both)', () => {
    const refused = importValid(
      catalog([
        table(
          't',
          [
            column('a', 'int', { nullable: false }),
            column('k', 'int', { nullable: false, generated: '`a` + 1', generatedKind: 'stored' }),
            column('b', 'int', { generated: '`a` * 2', generatedKind: 'stored' }),
            column('c', 'int', { generated: '`b` * 2', generatedKind: 'stored' }),
          ],
          { primaryKey: { name: 'PRIMARY', columns: ['k'] } },
        ),
      ]),
      'mysql',
    );
    expect(columnOf(refused.document, 't', 'k').generated).toBeUndefined();
    expect(columnOf(refused.document, 't', 'b').generated).toBeDefined();
    expect(columnOf(refused.document, 't', 'c').generated).toBeUndefined();
    expect(codes(refused)).toEqual(
      expect.arrayContaining(['GENERATED_COLUMN tables.t.columns.k', 'GENERATED_COLUMN tables.t.columns.c']),
    );
  });
});
