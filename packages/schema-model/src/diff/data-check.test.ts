import { describe, expect, test } from 'vitest';
import { renderPostgresDataCheck } from './data-check.ts';
import type { DataCheck } from './types.ts';

const description = 'rows';

describe('renderPostgresDataCheck', () => {
  test.each<[string, DataCheck, string]>([
    [
      'nulls',
      { kind: 'nulls', table: 'user', columns: ['e"mail'], description },
      'SELECT count(*) FROM "user" WHERE "e""mail" IS NULL',
    ],
    [
      'duplicates over two columns, NULLs never duplicate',
      { kind: 'duplicates', table: 't', columns: ['a', 'b'], description },
      'SELECT count(*) FROM (SELECT count(*) OVER (PARTITION BY "a", "b") AS n FROM "t" WHERE "a" IS NOT NULL AND "b" IS NOT NULL) AS keys WHERE n > 1',
    ],
    [
      'orphans, composite',
      {
        kind: 'orphans',
        table: 'posts',
        columns: ['a', 'b'],
        refTable: 'users',
        refColumns: ['x', 'y'],
        description,
      },
      'SELECT count(*) FROM "posts" AS s WHERE s."a" IS NOT NULL AND s."b" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "users" AS r WHERE r."x" = s."a" AND r."y" = s."b")',
    ],
    [
      'too long, trailing spaces aside',
      { kind: 'too_long', table: 't', columns: ['code'], maxLength: 5, description },
      'SELECT count(*) FROM "t" WHERE char_length(rtrim("code"::text)) > 5',
    ],
    [
      'cast: bigint to integer',
      {
        kind: 'cast',
        table: 't',
        columns: ['n'],
        from: { dataType: 'BIGINT' },
        to: { dataType: 'INTEGER' },
        description,
      },
      'SELECT count(*) FROM "t" WHERE ("n" IS NOT NULL AND ("n" NOT BETWEEN -2147483648 AND 2147483647))',
    ],
    [
      'cast: text to an enum',
      {
        kind: 'cast',
        table: 't',
        columns: ['s'],
        from: { dataType: 'TEXT' },
        to: { dataType: 'ENUM', enumId: 'e' },
        enumValues: ["it's", 'b'],
        description,
      },
      `SELECT count(*) FROM "t" WHERE ("s" IS NOT NULL AND ("s"::text NOT IN ('it''s', 'b')))`,
    ],
    [
      'cast: text to integer',
      {
        kind: 'cast',
        table: 't',
        columns: ['s'],
        from: { dataType: 'TEXT' },
        to: { dataType: 'SMALLINT' },
        description,
      },
      `SELECT count(*) FROM "t" WHERE ("s" IS NOT NULL AND (CASE WHEN "s"::text ~ '^[[:space:]]*[+-]?[0-9]+[[:space:]]*$' THEN "s"::text::numeric NOT BETWEEN -32768 AND 32767 ELSE true END))`,
    ],
    [
      'values (removed enum values)',
      { kind: 'values', table: 't', columns: ['s'], values: ['a', "b'c"], description },
      `SELECT count(*) FROM "t" WHERE "s"::text IN ('a', 'b''c')`,
    ],
    ['rows', { kind: 'rows', table: 't', columns: [], description }, 'SELECT count(*) FROM "t"'],
  ])('%s', (_label, check, expected) => {
    expect(renderPostgresDataCheck(check)).toBe(expected);
  });
});
