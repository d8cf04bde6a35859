import { describe, expect, test } from 'vitest';
import { UNSUPPORTED_KINDS } from './catalog.ts';
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

describe('catalogToDesign: edge cases', () => {
  test.each(UNSUPPORTED_KINDS)('an unsupported %s is one warning with its own code', (kind) => {
    const result = importValid(catalog([], { unsupported: [{ kind, name: 'x' }] }));
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]?.code).toBe(`UNSUPPORTED_${kind.toUpperCase()}`);
  });

  test.each([
    ['no values', []],
    ['an empty value', ['a', '']],
    ['a value over 63 bytes', ['x'.repeat(64)]],
  ])('an enum with %s cannot be an enum: its columns become TEXT', (_, values) => {
    const result = importValid(
      catalog([table('t', [column('s', 'e', { enumName: 'e' })])], {
        enums: [{ name: 'e', values, comment: null }],
      }),
    );
    expect(result.document.enums).toEqual([]);
    expect(columnOf(result.document, 't', 's').dataType).toBe('TEXT');
    expect(codes(result)).toEqual(['ENUM_UNUSABLE enums.e', 'ENUM_UNUSABLE tables.t.columns.s']);
  });

  test('a JSON column in a key or an index is imported as JSONB (PostgreSQL cannot index json)', () => {
    const result = importValid(
      catalog([
        table('t', [column('k', 'JSON'), column('u', 'JSON'), column('i', 'JSON'), column('plain', 'JSON')], {
          ...idKey(['k']),
          uniqueConstraints: [{ name: 't_u_key', columns: ['u'] }],
          indexes: [index('t_i_idx', ['i'])],
        }),
      ]),
      'sqlite',
    );
    expect(tableOf(result.document, 't').columns.map((c) => `${c.name} ${c.dataType}`)).toEqual([
      'k JSONB',
      'u JSONB',
      'i JSONB',
      'plain JSON',
    ]);
    expect(codes(result)).toEqual([
      'TYPE_APPROXIMATED tables.t.columns.k',
      'TYPE_APPROXIMATED tables.t.columns.u',
      'TYPE_APPROXIMATED tables.t.columns.i',
    ]);
  });

  test('names that clash after being made legal are told apart', () => {
    const long = 'x'.repeat(70);
    const result = importValid(
      catalog([table(`${long}a`, [column('id', 'integer')]), table(`${long}b`, [column('id', 'integer')])]),
      'sqlite',
    );
    const names = result.document.tables.map((t) => t.name);
    expect(new Set(names).size).toBe(2);
  });

  test('an enum named like a table or a built-in type is renamed', () => {
    const result = importValid(
      catalog(
        [
          table('mood', [
            column('m', 'mood', { enumName: 'mood' }),
            column('t', 'text', { enumName: 'text' }),
          ]),
        ],
        {
          enums: [
            { name: 'mood', values: ['ok'], comment: null },
            { name: 'text', values: ['a'], comment: null },
          ],
        },
      ),
    );
    expect(result.document.enums?.map((e) => e.name)).toEqual(['mood_1', 'text_enum']);
  });

  test('a long comment is cut to the design limit', () => {
    const result = importValid(
      catalog([table('t', [column('a', 'integer', { comment: 'c'.repeat(10_001) })])]),
    );
    expect(columnOf(result.document, 't', 'a').comment).toHaveLength(10_000);
    expect(codes(result)).toEqual(['COMMENT_TRUNCATED tables.t.columns.a']);
  });

  test('a column named like another column id keeps its index on the right column', () => {
    const result = importValid(
      catalog([
        table('t', [column('a', 'integer'), column('c_t_a', 'integer')], {
          indexes: [index('t_idx', ['c_t_a'])],
        }),
      ]),
    );
    const target = columnOf(result.document, 't', 'c_t_a');
    expect(tableOf(result.document, 't').indexes?.[0]?.columns).toEqual([target.id]);
  });
});
