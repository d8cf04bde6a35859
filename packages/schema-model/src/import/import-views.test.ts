import { describe, expect, test } from 'vitest';
import { catalog, codes, column, idKey, importValid, table } from './catalog-builders.test-support.ts';
import { requote } from './views.ts';

const tables = [
  table('author', [column('id', 'integer'), column('email', 'text')], idKey()),
  table('Book', [column('id', 'integer'), column('author_id', 'integer')], idKey()),
];
const view = (name: string, definition: string, comment: string | null = null) => ({
  name,
  definition,
  comment,
});

describe('views on import', () => {
  test('PostgreSQL: its own text, readers after what they read, comments kept; the rest warned with the reason', () => {
    const result = importValid(
      catalog(tables, {
        views: [
          view('a_emails', ' SELECT e.email\n   FROM z_authors e;', 'emails'),
          view('orphans', ' SELECT id FROM missing;'),
          view('other', ' SELECT id FROM sales.orders;'),
          {
            ...view('coded', ' SELECT my_code(id) FROM author;'),
            needs: ['function public.my_code(integer)'],
          },
          view('relations', ' SELECT relname FROM pg_catalog.pg_class;'),
          view('z_authors', ' SELECT author.id, author.email\n   FROM author;'),
        ],
      }),
    );
    expect(result.document.views).toEqual([
      {
        id: 'v_a_emails',
        name: 'a_emails',
        definition: 'SELECT e.email\n   FROM z_authors e',
        comment: 'emails',
      },
      { id: 'v_relations', name: 'relations', definition: 'SELECT relname FROM pg_catalog.pg_class' },
      { id: 'v_z_authors', name: 'z_authors', definition: 'SELECT author.id, author.email\n   FROM author' },
    ]);
    expect(codes(result)).toEqual([
      'UNSUPPORTED_VIEW views.coded',
      'UNSUPPORTED_VIEW views.orphans',
      'UNSUPPORTED_VIEW views.other',
    ]);
    expect(result.warnings[0]?.message).toBe(
      'View "coded" is not imported: it uses function public.my_code(integer), which a design does not hold.',
    );
    expect(result.warnings[1]?.message).toBe(
      'View "orphans" is not imported: it reads "missing", which is not imported under that name.',
    );
  });

  test('MySQL: names in backticks lose the database and get double quotes; functions of another meaning are refused', () => {
    const result = importValid(
      catalog(tables, {
        schema: 'shop',
        views: [
          view(
            'emails',
            "select `shop`.`author`.`email` AS `email` from `shop`.`author` where `shop`.`author`.`id` > 1 and `shop`.`author`.`email` <> 'a`b'",
          ),
          view(
            'counts',
            'select `b`.`author_id` AS `author_id`,count(0) AS `n` from `shop`.`Book` `b` group by `b`.`author_id`',
          ),
          view('names', "select ifnull(`shop`.`author`.`email`,'-') AS `e` from `shop`.`author`"),
          view('halves', 'select `shop`.`author`.`id` / 2 AS `h` from `shop`.`author`'),
          view('bad', 'select 1 AS `x` from dual'),
        ],
      }),
      'mysql',
    );
    expect(result.document.views?.map((v) => [v.name, v.definition])).toEqual([
      [
        'emails',
        `select "author"."email" AS "email" from "author" where "author"."id" > 1 and "author"."email" <> 'a\`b'`,
      ],
      [
        'counts',
        'select "b"."author_id" AS "author_id",count(0) AS "n" from "Book" "b" group by "b"."author_id"',
      ],
    ]);
    expect(result.warnings.map((w) => w.message)).toEqual([
      'View "names" is not imported: its function ifnull may not mean in PostgreSQL what it means there.',
      'View "halves" is not imported: its division may not mean in PostgreSQL what it means there (integer division).',
      'View "bad" is not imported: it reads "dual", which is not imported under that name.',
    ]);
  });

  test('SQLite: the query after AS, quoted names made PostgreSQL’s', () => {
    const result = importValid(
      catalog(tables, { schema: 'main', views: [view('titles', 'SELECT [id], `email` FROM author')] }),
      'sqlite',
    );
    expect(result.document.views).toEqual([
      { id: 'v_titles', name: 'titles', definition: 'SELECT "id", "email" FROM author' },
    ]);
  });

  test('SQLite: a name in another case than the table’s or column’s is not imported (PostgreSQL would not find it)', () => {
    const result = importValid(
      catalog([table('Album', [column('id', 'integer'), column('Title', 'text')], idKey())], {
        schema: 'main',
        views: [view('titles', 'SELECT Title FROM album'), view('ok', 'SELECT "Title" FROM "Album"')],
      }),
      'sqlite',
    );
    expect(result.document.views?.map((v) => v.name)).toEqual(['ok']);
    expect(result.warnings.at(-1)?.message).toBe(
      'View "titles" is not imported: it names "Title" as "title", which PostgreSQL would not find (names are case-sensitive there).',
    );
  });

  test('SQLite: a view comparing a text column with a number is not imported (PostgreSQL refuses it)', () => {
    const result = importValid(
      catalog([table('customer', [column('id', 'INTEGER'), column('active', 'CHAR(1)')], idKey())], {
        schema: 'main',
        views: [
          view('actives', 'SELECT id FROM customer WHERE active = 1'),
          view('ids', 'SELECT id FROM customer WHERE id = 1'),
        ],
      }),
      'sqlite',
    );
    expect(result.document.views?.map((v) => v.name)).toEqual(['ids']);
    expect(result.warnings.at(-1)?.message).toBe(
      'View "actives" is not imported: it compares text with a number, which PostgreSQL refuses.',
    );
  });

  test('a view reading a table imported under another name is not imported', () => {
    const result = importValid(
      catalog([table('user ', [column('id', 'integer')], idKey())], {
        views: [view('users', ' SELECT id FROM "user ";')],
      }),
    );
    expect(result.document.views).toBeUndefined();
    expect(codes(result)).toContain('UNSUPPORTED_VIEW views.users');
  });

  test('a view reading a table a column of which is imported as another type is not imported', () => {
    const result = importValid(
      catalog([table('hosts', [column('id', 'integer'), column('addr', 'macaddr8')], idKey())], {
        views: [view('addrs', ' SELECT hosts.addr FROM hosts;')],
      }),
    );
    expect(result.document.views).toBeUndefined();
    expect(result.warnings.at(-1)?.message).toBe(
      'View "addrs" is not imported: it reads "hosts", a column of which is imported under another name or type.',
    );
  });

  test('requote keeps strings and doubles a double quote inside a name', () => {
    expect(requote("select `a\"b`, '`x`' from `db`.`t`", 'db')).toBe('select "a""b", \'`x`\' from "t"');
  });
});
