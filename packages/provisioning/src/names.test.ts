import { describe, expect, test } from 'vitest';
import { GENERATED_NAME, generateNames, MAX_NAME_BYTES, slugify } from './names.ts';

const uuid = '0190f5c2-7a1b-7c3d-9e4f-a1b2c3d4e5f6';

describe('slugify', () => {
  test.each([
    ['Blog', 'blog'],
    ['My Blog 2.0!', 'my_blog_2_0'],
    ['  --leading and trailing--  ', 'leading_and_trailing'],
    ['Crème Brûlée', 'creme_brulee'],
    ['Straße', 'strasse'],
    ['Ærø Œuvre Łódź', 'aero_oeuvre_lodz'],
    ['ｆｕｌｌｗｉｄｔｈ', 'fullwidth'],
    ['用户数据库', ''],
    ['🚀 rockets', 'rockets'],
    ['', ''],
    ['select', 'select'],
    ['a\u0000b"c\'d;DROP', 'a_b_c_d_drop'],
  ])('%j → %j', (input, expected) => {
    expect(slugify(input, 28)).toBe(expected);
  });

  test('cuts long text without leaving a trailing underscore', () => {
    expect(slugify('abcd efgh', 5)).toBe('abcd');
  });
});

describe('generateNames', () => {
  test.each([
    ['a plain name', 'ada', 'blog', 'sb_ada_blog_'],
    ['a unicode design name', 'ada', 'Café Überblick', 'sb_ada_cafe_uberblick_'],
    ['an empty slug', 'ada', '数据库', 'sb_ada_'],
    ['an all-symbol owner', '@@@', 'blog', 'sb_blog_'],
    ['a reserved word', 'user', 'table', 'sb_user_table_'],
    [
      'quotes and SQL',
      'x"; DROP ROLE postgres; --',
      "Robert'); DROP TABLE",
      'sb_x_drop_role_robert_drop_table_',
    ],
    ['an e-mail as owner', 'ada.lovelace@example.com', 'blog', 'sb_ada_lovelace_blog_'],
  ])('%s', (_case, owner, designName, start) => {
    const { database, role } = generateNames({ owner, designName, id: uuid });
    expect(database.startsWith(start)).toBe(true);
    expect(database).toMatch(GENERATED_NAME);
    expect(role).toBe(database);
  });

  test.each([
    ['very long names', 'o'.repeat(300), 'd'.repeat(300)],
    ['long multi-byte names', 'é'.repeat(100), 'データベース'.repeat(30) + 'x'.repeat(100)],
    ['separators everywhere', '_-_-_'.repeat(50), ' . '.repeat(100)],
  ])('stays within 63 bytes and [a-z][a-z0-9_]* for %s', (_case, owner, designName) => {
    const { database } = generateNames({ owner, designName });
    expect(new TextEncoder().encode(database).length).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(database).toMatch(GENERATED_NAME);
    expect(database).not.toMatch(/__|_$/);
  });

  test('derives the unique part from a UUID deterministically, from its random tail', () => {
    const a = generateNames({ owner: 'ada', designName: 'blog', id: uuid });
    expect(generateNames({ owner: 'ada', designName: 'blog', id: uuid })).toEqual(a);
    // Two v7 UUIDs from the same millisecond differ only in their tails.
    const sameMillisecond = '0190f5c2-7a1b-7c3d-9e4f-000000000001';
    expect(generateNames({ owner: 'ada', designName: 'blog', id: sameMillisecond }).database).not.toBe(
      a.database,
    );
  });

  test('without an id, draws a random unique part each time', () => {
    const names = new Set(
      Array.from({ length: 200 }, () => generateNames({ owner: 'ada', designName: 'blog' }).database),
    );
    expect(names.size).toBe(200);
  });

  test('takes a custom prefix (tests use their own)', () => {
    expect(generateNames({ owner: 'ada', designName: 'blog', prefix: 'sbtest' }).database).toMatch(
      /^sbtest_ada_blog_[a-z0-9]{10}$/,
    );
  });

  test.each([
    ['an invalid prefix', { prefix: 'SB' }],
    ['a prefix starting with a digit', { prefix: '1sb' }],
    ['an id that is not a UUID', { id: 'abc' }],
  ])('rejects %s', (_case, extra) => {
    expect(() => generateNames({ owner: 'ada', designName: 'blog', ...extra })).toThrow();
  });
});
