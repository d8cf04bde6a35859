import type { TestDatabase } from '@schema-builder/testing/postgres';
import { createTestDatabase } from '@schema-builder/testing/postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { canonicalDataType } from '../design/data-types.ts';
import { defaultExpression } from '../design/defaults.ts';
import { quoteIdent, quotePostgresLiteral } from '../sql/quote.ts';
import type { DefaultEnum, DefaultTarget } from './defaults.ts';
import { checkDefault } from './defaults.ts';
import { columnAt, issuesOf, validDocument } from './test-helpers.ts';
import { validateDesign } from './validate.ts';

const STATUS: DefaultEnum = { name: 'order_status', values: ['new', 'paid'] };

/** `DECIMAL(5,2)` → { dataType: 'DECIMAL', precision: 5, scale: 2 }. */
function typeOf(spec: string): DefaultTarget {
  const match = /^([A-Z ]+)(?:\((\d+)(?:,(\d+))?\))?$/.exec(spec);
  const dataType = canonicalDataType(match?.[1] ?? '');
  if (!match || !dataType) throw new Error(`bad type spec ${spec}`);
  const first = match[2] === undefined ? undefined : Number(match[2]);
  const second = match[3] === undefined ? undefined : Number(match[3]);
  if (dataType === 'VARCHAR' || dataType === 'CHAR') return { dataType, length: first };
  return { dataType, precision: first, scale: second };
}

const check = (spec: string, value: unknown) => checkDefault(typeOf(spec), value, STATUS);

/** [type, value]: valid defaults, each also accepted by PostgreSQL (see the last block). */
const ACCEPTED: Array<[string, unknown]> = [
  ['SMALLINT', 0],
  ['SMALLINT', 32767],
  ['SMALLINT', -32768],
  ['SMALLINT', '32767'],
  ['SMALLINT', '+5'],
  ['INTEGER', 2147483647],
  ['INTEGER', '-2147483648'],
  ['BIGINT', '9223372036854775807'],
  ['BIGINT', '-9223372036854775808'],
  ['BIGINT', 9007199254740991],
  ['DECIMAL(5,2)', '123.45'],
  ['DECIMAL(5,2)', 999.99],
  ['DECIMAL(5,2)', '999.994'],
  ['DECIMAL(5,2)', '-0.5'],
  ['DECIMAL(5,2)', '1e2'],
  ['NUMERIC(3,3)', '0.999'],
  ['NUMERIC(5,5)', '.5'],
  ['NUMERIC(1000)', '9'.repeat(1000)],
  ['NUMERIC', '1e131071'],
  ['NUMERIC', '5.'],
  ['REAL', 1.5],
  ['REAL', '3.4028235e38'],
  ['REAL', '1e-40'],
  ['DOUBLE', '1e308'],
  ['DOUBLE', -0.25],
  ['BOOLEAN', true],
  ['BOOLEAN', false],
  ['BOOLEAN', 'true'],
  ['BOOLEAN', 'FALSE'],
  ['VARCHAR(3)', 'abc'],
  ['VARCHAR(3)', ''],
  ['VARCHAR(3)', 'été'],
  ['VARCHAR(3)', '😀😀😀'],
  ['VARCHAR(3)', 123],
  ['VARCHAR', 'x'.repeat(10_000)],
  ['CHAR', 'a'],
  ['CHAR(2)', 'ab'],
  ['TEXT', ''],
  ['TEXT', "it's"],
  ['TEXT', 42],
  ['DATE', '2024-02-29'],
  ['DATE', '2000-02-29'],
  ['DATE', '0001-01-01'],
  ['DATE', 'CURRENT_DATE'],
  ['DATE', 'now()'],
  ['DATE', 'current_timestamp'],
  ['TIME', '09:30'],
  ['TIME', '23:59:59.999999'],
  ['TIME', '24:00:00'],
  ['TIME', 'now()'],
  ['TIME', 'CURRENT_TIMESTAMP'],
  ['TIMESTAMP', '2024-01-31T09:30:00'],
  ['TIMESTAMP', '2024-01-31 09:30'],
  ['TIMESTAMP', 'CURRENT_DATE'],
  ['TIMESTAMPTZ', '2024-01-31T09:30:00Z'],
  ['TIMESTAMPTZ', '2024-01-31T09:30:00.123+05:30'],
  ['TIMESTAMPTZ', '2024-01-31T09:30:00-0800'],
  ['TIMESTAMPTZ', '2024-01-31T09:30:00+15:59'],
  ['TIMESTAMPTZ', 'NOW()'],
  ['UUID', '123e4567-e89b-12d3-a456-426614174000'],
  ['UUID', '123E4567-E89B-12D3-A456-426614174000'],
  ['UUID', 'gen_random_uuid()'],
  ['JSON', { a: 1 }],
  ['JSON', [1, 'two']],
  ['JSON', 42],
  ['JSON', true],
  ['JSON', '{"a":1}'],
  ['JSONB', '"hello"'],
  ['JSONB', { nested: { list: [null] } }],
  ['JSON', '"\\u0000"'],
  ['BYTEA', '\\xDEADBEEF'],
  ['BYTEA', '\\x'],
  ['ENUM', 'new'],
];

/** Values meaning "no default": nothing to check, for every type. */
const NO_DEFAULT: Array<[string, unknown]> = [
  ['INTEGER', null],
  ['INTEGER', undefined],
  ['INTEGER', ''],
  ['DATE', ''],
  ['ENUM', ''],
  ['JSONB', ''],
];

/**
 * [type, value, part of the message, whether PostgreSQL itself would accept it]: the last
 * marks rules that are stricter than PostgreSQL on purpose (ambiguous or surprising input).
 */
const REJECTED: Array<[string, unknown, string, 'stricter'?]> = [
  ['SMALLINT', 32768, 'out of range for SMALLINT'],
  ['SMALLINT', '-32769', 'out of range for SMALLINT'],
  ['INTEGER', 2147483648, 'out of range for INTEGER'],
  ['BIGINT', '9223372036854775808', 'out of range for BIGINT'],
  ['BIGINT', '-9223372036854775809', 'out of range for BIGINT'],
  // A JSON number this large is already 2^63 once parsed: out of range.
  ['BIGINT', 2 ** 63, 'out of range for BIGINT'],
  ['INTEGER', 1.5, 'not a whole number'],
  ['INTEGER', '1.5', 'not a whole number'],
  ['INTEGER', '1e3', 'not a whole number'],
  ['INTEGER', 'abc', 'not a whole number'],
  ['INTEGER', ' 42', 'not a whole number', 'stricter'],
  ['INTEGER', true, 'not a whole number'],
  ['INTEGER', { a: 1 }, 'only be the default of a JSON or JSONB column'],
  ['INTEGER', [1], 'A list can only be the default of a JSON'],
  [
    'DECIMAL(5,2)',
    '999.995',
    'does not fit DECIMAL(5,2), which holds at most 3 digits before the decimal point',
  ],
  ['DECIMAL(5,2)', 1000, 'does not fit DECIMAL(5,2)'],
  ['NUMERIC(3,3)', '1', 'holds only numbers between -1 and 1'],
  ['NUMERIC(1000)', '9'.repeat(1001), 'does not fit NUMERIC(1000,0)'],
  ['NUMERIC', '1e131072', 'more digits than NUMERIC can hold'],
  ['NUMERIC', '1e-16384', 'more digits than NUMERIC can hold'],
  ['DECIMAL', 'abc', 'is not a number'],
  ['DECIMAL', 'NaN', 'is not a number', 'stricter'],
  ['REAL', '3.4028236e38', 'out of range for REAL'],
  ['REAL', '1e-50', 'out of range for REAL'],
  ['DOUBLE', '1e309', 'out of range for DOUBLE'],
  ['DOUBLE', '1e-400', 'out of range for DOUBLE'],
  ['DOUBLE', 'Infinity', 'is not a number', 'stricter'],
  ['BOOLEAN', 'yes', 'not true or false', 'stricter'],
  ['BOOLEAN', 1, 'not true or false', 'stricter'],
  ['BOOLEAN', 'maybe', 'not true or false'],
  ['VARCHAR(3)', 'abcd', '"abcd" is 4 characters long, but the column holds at most 3'],
  ['VARCHAR(3)', 1234, 'at most 3'],
  ['VARCHAR(3)', '😀😀😀😀', 'is 4 characters long'],
  ['CHAR', 'ab', 'holds at most 1'],
  ['TEXT', true, 'true is not text', 'stricter'],
  ['TEXT', 'now()', 'now() gives the current date and time, so it only fits', 'stricter'],
  ['VARCHAR', 'gen_random_uuid()', 'only fits UUID columns, not VARCHAR', 'stricter'],
  ['TEXT', { a: 1 }, 'An object can only be the default of a JSON or JSONB column', 'stricter'],
  ['TEXT', 'a\u0000b', 'NUL character'],
  ['DATE', '2023-02-29', 'not a real calendar date'],
  ['DATE', '1900-02-29', 'not a real calendar date'],
  ['DATE', '2024-13-01', 'not a real calendar date'],
  ['DATE', '2024-04-31', 'not a real calendar date'],
  ['DATE', '0000-01-01', 'not a real calendar date'],
  ['DATE', '2024-1-5', 'write it as YYYY-MM-DD', 'stricter'],
  ['DATE', 20240101, 'not a date', 'stricter'],
  ['DATE', 'gen_random_uuid()', 'only fits UUID columns, not DATE'],
  ['TIME', '24:00:01', 'not a real time of day'],
  ['TIME', '12:60', 'not a real time of day'],
  ['TIME', '9:30', 'write it as HH:MM', 'stricter'],
  ['TIME', '12:00:00.1234567', 'write it as HH:MM', 'stricter'],
  [
    'TIME',
    'CURRENT_DATE',
    "CURRENT_DATE gives today's date, so it only fits DATE, TIMESTAMP and TIMESTAMPTZ columns, not TIME",
  ],
  ['TIMESTAMP', '2024-01-31T09:30:00Z', 'TIMESTAMP columns do not store one', 'stricter'],
  ['TIMESTAMP', '2024-02-30T00:00:00', 'not a real calendar date'],
  ['TIMESTAMP', '2024-01-31T25:00:00', 'not a real time of day'],
  ['TIMESTAMP', '2024-01-31', 'not a date and time', 'stricter'],
  ['TIMESTAMPTZ', '2024-01-31T09:30:00+16:00', 'invalid time zone offset'],
  ['TIMESTAMPTZ', 'yesterday', 'not a date and time', 'stricter'],
  ['TIMESTAMPTZ', 'the day after', 'not a date and time'],
  ['UUID', '123e4567e89b12d3a456426614174000', 'not a UUID', 'stricter'],
  ['UUID', '123e4567-e89b-12d3-a456-42661417400g', 'not a UUID'],
  ['UUID', 'now()', 'only fits DATE, TIME, TIMESTAMP and TIMESTAMPTZ columns, not UUID'],
  ['JSON', 'hello', 'is not valid JSON'],
  ['JSON', '{a:1}', 'is not valid JSON'],
  ['JSONB', '"\\u0000"', 'JSONB cannot store'],
  ['JSONB', { a: 'x\u0000' }, 'JSONB cannot store'],
  ['BYTEA', '\\xABC', 'not binary data'],
  ['BYTEA', '\\xZZ', 'not binary data'],
  ['BYTEA', 'DEADBEEF', 'not binary data', 'stricter'],
  ['ENUM', 'NEW', '"NEW" is not a value of enum "order_status" ("new", "paid")'],
  ['ENUM', 1, "is not one of the enum's values"],
];

describe('checkDefault', () => {
  test.each(ACCEPTED)('%s accepts %j', (spec, value) => {
    expect(check(spec, value)).toBeUndefined();
  });

  test.each(NO_DEFAULT)('%s treats %j as no default', (spec, value) => {
    expect(check(spec, value)).toBeUndefined();
  });

  test.each(REJECTED)('%s rejects %j', (spec, value, message) => {
    expect(check(spec, value)).toContain(message);
  });

  test('an ENUM default is only checked for being text when the enum is unknown', () => {
    expect(checkDefault({ dataType: 'ENUM' }, 'anything')).toBeUndefined();
    expect(checkDefault({ dataType: 'ENUM' }, 5)).toContain("not one of the enum's values");
  });

  test('takes the normalized model: a ColumnType and an EnumType fit', () => {
    const type = { dataType: 'VARCHAR' as const, length: 2, enumId: undefined };
    expect(checkDefault(type, 'abc')).toContain('at most 2');
  });
});

describe('validateDesign and defaults', () => {
  test('reports an invalid default at the column defaultValue, naming the column and table', () => {
    const doc = validDocument();
    Object.assign(columnAt(doc, 1, 1), { defaultValue: 'abc' });
    expect(issuesOf(validateDesign(doc), 'INVALID_DEFAULT')).toEqual([
      {
        code: 'INVALID_DEFAULT',
        severity: 'error',
        path: 'tables[1].columns[1].defaultValue',
        message:
          'The default value of column "user_id" in table "orders" is invalid: "abc" is not a whole number.',
      },
    ]);
  });

  test('checks ENUM defaults against the enum the column uses', () => {
    const doc = validDocument();
    Object.assign(columnAt(doc, 1, 2), { defaultValue: 'shipped' });
    expect(issuesOf(validateDesign(doc), 'INVALID_DEFAULT').map((issue) => issue.message)).toEqual([
      'The default value of column "status" in table "orders" is invalid: "shipped" is not a value of enum "order_status" ("new", "paid").',
    ]);
  });

  test('uses the column length, precision and scale', () => {
    const doc = validDocument();
    Object.assign(columnAt(doc, 0, 1), { defaultValue: 'x'.repeat(256) });
    expect(issuesOf(validateDesign(doc), 'INVALID_DEFAULT').map((issue) => issue.path)).toEqual([
      'tables[0].columns[1].defaultValue',
    ]);
  });
});

/** How a test renders a default into SQL, the way a DDL generator would. */
function sqlType(spec: string): string {
  const type = typeOf(spec);
  const modifiers = [type.length ?? type.precision, type.scale].filter((value) => value !== undefined);
  const name = { DOUBLE: 'double precision', ENUM: 'order_status' }[type.dataType as string] ?? type.dataType;
  return modifiers.length > 0 ? `${name}(${modifiers.join(',')})` : name;
}

function sqlDefault(value: unknown): string {
  const expression = defaultExpression(value);
  if (expression) return expression;
  return quotePostgresLiteral(typeof value === 'object' ? JSON.stringify(value) : String(value));
}

describe('PostgreSQL agrees', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('validation_defaults');
    await db.sql.unsafe(`CREATE TYPE ${quoteIdent(STATUS.name)} AS ENUM ('new', 'paid')`);
  });
  afterAll(async () => {
    await db?.drop();
  });

  async function insertDefault(spec: string, value: unknown): Promise<void> {
    await db.sql.begin(async (sql) => {
      await sql.unsafe(
        `CREATE TEMP TABLE probe (value ${sqlType(spec)} DEFAULT ${sqlDefault(value)}) ON COMMIT DROP`,
      );
      await sql.unsafe('INSERT INTO probe DEFAULT VALUES');
    });
  }

  test.each(ACCEPTED)('accepts %s %j', async (spec, value) => {
    await expect(insertDefault(spec, value)).resolves.toBeUndefined();
  });

  const refused = REJECTED.filter(([, value, , stricter]) => !stricter && !String(value).includes('\u0000'));
  test.each(refused)('refuses %s %j', async (spec, value) => {
    await expect(insertDefault(spec, value)).rejects.toThrow();
  });
});
