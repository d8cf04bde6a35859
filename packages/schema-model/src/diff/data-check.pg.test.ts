import type { TestDatabase } from '@schema-builder/testing/postgres';
import { createTestDatabase } from '@schema-builder/testing/postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderAlterColumnType } from '../ddl/postgres/render-column-alter.ts';
import { renderType } from '../ddl/postgres/render-type.ts';
import type { ColumnType } from '../design/model.ts';
import { quotePostgresLiteral } from '../sql/quote.ts';
import { castFailurePredicate } from './cast-predicates.ts';
import { castRule } from './cast-rules.ts';
import { castSteps } from './classify-cast.ts';
import type { Connection } from './pg-harness.test-support.ts';
import { inFreshSchema } from './pg-harness.test-support.ts';

/**
 * The data checks' conditions agree with PostgreSQL: for each value, the condition flags it
 * exactly when the planned ALTER COLUMN … TYPE refuses it (tried one value at a time).
 */

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('sbcast');
});
afterAll(async () => {
  await db?.drop();
});

const t = (dataType: ColumnType['dataType'], extras: Omit<ColumnType, 'dataType'> = {}): ColumnType => ({
  dataType,
  ...extras,
});

/** Whether the planned conversion refuses `value` (in a savepoint, on a one-row table). */
async function refuses(conn: Connection, from: ColumnType, to: ColumnType, value: string): Promise<boolean> {
  const rule = castRule(from, to);
  const alter = renderAlterColumnType({
    kind: 'alter_column_type',
    table: 'probe',
    column: 'c',
    type: to,
    ...(to.enumId === undefined ? {} : { enumName: to.enumId }),
    ...(rule.via ? { using: castSteps(rule, (id) => id) } : {}),
  });
  await conn.unsafe('SAVEPOINT probe');
  try {
    await conn.unsafe(
      `CREATE TABLE probe AS SELECT ${quotePostgresLiteral(value)}::${renderType(from)} AS c`,
    );
    await conn.unsafe(alter);
    return false;
  } catch {
    return true;
  } finally {
    await conn.unsafe('ROLLBACK TO SAVEPOINT probe');
  }
}

describe('data-check conditions match what PostgreSQL refuses', () => {
  test.each<[string, ColumnType, ColumnType, string[]]>([
    [
      'text to integer',
      t('TEXT'),
      t('INTEGER'),
      ['12', ' 7 ', '-3', '+4', 'x', '1.5', '99999999999', '', '0x1F'],
    ],
    ['text to smallint', t('VARCHAR'), t('SMALLINT'), ['32767', '32768', '-32768', '-32769']],
    [
      'text to numeric(5,2)',
      t('TEXT'),
      t('NUMERIC', { precision: 5, scale: 2 }),
      ['123.45', '999.994', '999.995', '1e2', 'NaN', 'Infinity', 'abc', '-0.001', '.5'],
    ],
    ['text to numeric', t('TEXT'), t('NUMERIC'), ['1e5', 'NaN', '-Infinity', 'one', '1.2.3']],
    ['text to real', t('TEXT'), t('REAL'), ['1.5', '1e39', 'inf', '-Infinity', 'NaN', 'x', '1e-50', '0']],
    ['text to double', t('TEXT'), t('DOUBLE'), ['1e308', '1e309', '-1.5e-10', 'nan']],
    [
      'text to boolean',
      t('TEXT'),
      t('BOOLEAN'),
      ['t', 'yes', ' off ', 'of', 'o', 'maybe', '1', '2', 'TRUE', 'Fa'],
    ],
    [
      'text to uuid',
      t('TEXT'),
      t('UUID'),
      [
        'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
        '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}',
        'A0EEBC999C0B4EF8BB6D6BB9BD380A11',
        'a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11',
        'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1',
        ' a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
        '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
      ],
    ],
    ['char to integer', t('CHAR', { length: 4 }), t('INTEGER'), ['12', 'ab', '7 ']],
    ['bigint to integer', t('BIGINT'), t('INTEGER'), ['1', '2147483648', '-2147483649', '-2147483648']],
    ['bigint to boolean', t('BIGINT'), t('BOOLEAN'), ['0', '5', '2147483648']],
    ['numeric to integer', t('NUMERIC'), t('INTEGER'), ['2147483647.4', '2147483647.5', '-1.5', 'NaN']],
    [
      'numeric to numeric(4,2)',
      t('NUMERIC', { precision: 6, scale: 3 }),
      t('NUMERIC', { precision: 4, scale: 2 }),
      ['99.99', '99.995', '-12.3', '100'],
    ],
    [
      'integer to numeric(4,1)',
      t('INTEGER'),
      t('NUMERIC', { precision: 4, scale: 1 }),
      ['999', '1000', '-999', '-1000'],
    ],
    ['numeric to real', t('NUMERIC'), t('REAL'), ['1e38', '1e39', '1e-50', 'NaN', '0']],
    ['double to real', t('DOUBLE'), t('REAL'), ['1e38', '1e39', '1e-50', 'Infinity', 'NaN', '0']],
    [
      'double to integer',
      t('DOUBLE'),
      t('INTEGER'),
      ['2147483647.4', '2.5', 'NaN', 'Infinity', '-2147483648.4'],
    ],
    [
      'double to numeric(3,1)',
      t('DOUBLE'),
      t('NUMERIC', { precision: 3, scale: 1 }),
      ['99.94', '99.96', 'NaN', 'Infinity'],
    ],
    ['text to an enum', t('TEXT'), t('ENUM', { enumId: 'mood' }), ['ok', 'meh', 'OK', ' ok']],
  ])('%s', async (_label, from, to, values) => {
    await inFreshSchema(db.sql, async (conn) => {
      await conn.unsafe(`CREATE TYPE mood AS ENUM ('ok', 'meh')`);
      await conn.unsafe('BEGIN');
      try {
        const refused: string[] = [];
        for (const value of values) if (await refuses(conn, from, to, value)) refused.push(value);
        // Each case holds values PostgreSQL takes and values it refuses.
        expect(refused.length).toBeGreaterThan(0);
        expect(refused.length).toBeLessThan(values.length);
        await conn.unsafe(`CREATE TABLE data (v text, c ${renderType(from)})`);
        for (const value of values) {
          await conn.unsafe(`INSERT INTO data VALUES ($1::text, $1::text::${renderType(from)})`, [value]);
        }
        const predicate = castFailurePredicate(from, to, '"c"', ['ok', 'meh']);
        const flagged = await conn.unsafe<{ v: string }[]>(
          `SELECT v FROM data WHERE c IS NOT NULL AND (${predicate})`,
        );
        // PostgreSQL 16 started accepting non-decimal integer input ('0x1F'); the check keeps the
        // PostgreSQL 15 rule, so on newer servers it may flag such a value PostgreSQL would take
        // (a refusal to migrate, never a failed migration).
        const [version] = await conn.unsafe<{ num: number }[]>(
          `SELECT current_setting('server_version_num')::int AS num`,
        );
        const lenient = (version?.num ?? 0) >= 160000 ? values.filter((v) => /^\s*[+-]?0[xob]/i.test(v)) : [];
        expect(new Set(flagged.map((r) => r.v))).toEqual(new Set([...refused, ...lenient]));
      } finally {
        await conn.unsafe('ROLLBACK');
      }
    });
  });
});
