import { describe, expect, test } from 'vitest';
import { DATA_TYPES } from '../design/data-types.ts';
import type { ColumnType } from '../design/model.ts';
import { castFailurePredicate } from './cast-predicates.ts';
import { castRule } from './cast-rules.ts';
import type { CastKind } from './classify-cast.ts';
import { classifyCast } from './classify-cast.ts';

const t = (dataType: ColumnType['dataType'], extras: Omit<ColumnType, 'dataType'> = {}): ColumnType => ({
  dataType,
  ...extras,
});

describe('classifyCast', () => {
  test.each<[string, ColumnType, ColumnType, CastKind, boolean, string | undefined]>([
    ['same type', t('VARCHAR', { length: 5 }), t('VARCHAR', { length: 5 }), 'same', false, undefined],
    [
      'DECIMAL is NUMERIC',
      t('DECIMAL', { precision: 5, scale: 2 }),
      t('NUMERIC', { precision: 5, scale: 2 }),
      'same',
      false,
      undefined,
    ],
    ['CHAR is char(1)', t('CHAR'), t('CHAR', { length: 1 }), 'same', false, undefined],
    ['varchar widened', t('VARCHAR', { length: 5 }), t('VARCHAR', { length: 9 }), 'safe', false, undefined],
    ['varchar to unbounded varchar', t('VARCHAR', { length: 5 }), t('VARCHAR'), 'safe', false, undefined],
    ['varchar to text', t('VARCHAR', { length: 5 }), t('TEXT'), 'safe', false, undefined],
    ['text to varchar', t('TEXT'), t('VARCHAR'), 'safe', false, undefined],
    ['varchar narrowed', t('VARCHAR', { length: 9 }), t('VARCHAR', { length: 5 }), 'risky', true, undefined],
    ['text to varchar(n)', t('TEXT'), t('VARCHAR', { length: 5 }), 'risky', true, undefined],
    ['char to text trims', t('CHAR', { length: 3 }), t('TEXT'), 'safe', true, undefined],
    ['char widened pads', t('CHAR', { length: 3 }), t('CHAR', { length: 5 }), 'safe', true, undefined],
    [
      'numeric precision grown, same scale',
      t('NUMERIC', { precision: 5, scale: 2 }),
      t('NUMERIC', { precision: 9, scale: 2 }),
      'safe',
      false,
      undefined,
    ],
    [
      'numeric to unconstrained',
      t('NUMERIC', { precision: 5, scale: 2 }),
      t('NUMERIC'),
      'safe',
      false,
      undefined,
    ],
    [
      'numeric scale grown with room',
      t('NUMERIC', { precision: 5, scale: 2 }),
      t('NUMERIC', { precision: 7, scale: 4 }),
      'safe',
      true,
      undefined,
    ],
    [
      'numeric scale shrunk',
      t('NUMERIC', { precision: 5, scale: 2 }),
      t('NUMERIC', { precision: 5, scale: 1 }),
      'risky',
      true,
      undefined,
    ],
    [
      'numeric integer digits shrunk',
      t('NUMERIC', { precision: 5, scale: 2 }),
      t('NUMERIC', { precision: 4, scale: 2 }),
      'risky',
      true,
      undefined,
    ],
    [
      'unconstrained numeric constrained',
      t('NUMERIC'),
      t('NUMERIC', { precision: 4, scale: 2 }),
      'risky',
      true,
      undefined,
    ],
    ['integer widened', t('INTEGER'), t('BIGINT'), 'safe', true, undefined],
    ['integer narrowed', t('BIGINT'), t('SMALLINT'), 'risky', true, undefined],
    [
      'integer to a numeric that fits',
      t('INTEGER'),
      t('NUMERIC', { precision: 12, scale: 2 }),
      'safe',
      true,
      undefined,
    ],
    [
      'integer to a numeric too small',
      t('INTEGER'),
      t('NUMERIC', { precision: 5 }),
      'risky',
      true,
      undefined,
    ],
    ['bigint to double loses precision', t('BIGINT'), t('DOUBLE'), 'risky', true, undefined],
    ['integer to double', t('INTEGER'), t('DOUBLE'), 'safe', true, undefined],
    ['numeric to integer', t('NUMERIC'), t('INTEGER'), 'risky', true, undefined],
    ['real to double', t('REAL'), t('DOUBLE'), 'safe', true, undefined],
    ['double to real', t('DOUBLE'), t('REAL'), 'risky', true, undefined],
    ['integer to boolean', t('INTEGER'), t('BOOLEAN'), 'risky', true, '"X"::boolean'],
    [
      'smallint to boolean through integer',
      t('SMALLINT'),
      t('BOOLEAN'),
      'risky',
      true,
      '"X"::integer::boolean',
    ],
    ['boolean to integer', t('BOOLEAN'), t('INTEGER'), 'safe', true, '"X"::integer'],
    ['boolean to bigint through integer', t('BOOLEAN'), t('BIGINT'), 'safe', true, '"X"::integer::bigint'],
    ['integer to jsonb through text', t('INTEGER'), t('JSONB'), 'safe', true, '"X"::text::jsonb'],
    ['integer to text', t('INTEGER'), t('TEXT'), 'safe', true, undefined],
    ['integer to varchar(11)', t('INTEGER'), t('VARCHAR', { length: 11 }), 'safe', true, undefined],
    ['integer to varchar(3)', t('INTEGER'), t('VARCHAR', { length: 3 }), 'risky', true, undefined],
    ['uuid to varchar(36)', t('UUID'), t('VARCHAR', { length: 36 }), 'safe', true, undefined],
    ['text to integer', t('TEXT'), t('INTEGER'), 'risky', true, '"X"::integer'],
    [
      'char to integer through text',
      t('CHAR', { length: 4 }),
      t('INTEGER'),
      'risky',
      true,
      '"X"::text::integer',
    ],
    [
      'text to numeric, unconstrained in the cast',
      t('TEXT'),
      t('NUMERIC', { precision: 6, scale: 2 }),
      'risky',
      true,
      '"X"::numeric',
    ],
    ['text to uuid', t('VARCHAR'), t('UUID'), 'risky', true, '"X"::uuid'],
    ['text to date', t('TEXT'), t('DATE'), 'risky', true, '"X"::date'],
    [
      'text to timestamp, precision left to the column',
      t('TEXT'),
      t('TIMESTAMP', { precision: 3 }),
      'risky',
      true,
      '"X"::timestamp',
    ],
    ['text to an enum', t('TEXT'), t('ENUM', { enumId: 'e1' }), 'risky', true, '"X"::"e1"'],
    ['enum to text', t('ENUM', { enumId: 'e1' }), t('TEXT'), 'safe', true, undefined],
    [
      'enum to another enum',
      t('ENUM', { enumId: 'e1' }),
      t('ENUM', { enumId: 'e2' }),
      'risky',
      true,
      '"X"::text::"e2"',
    ],
    [
      'enum to integer through text',
      t('ENUM', { enumId: 'e1' }),
      t('INTEGER'),
      'risky',
      true,
      '"X"::text::integer',
    ],
    ['date to timestamptz', t('DATE'), t('TIMESTAMPTZ'), 'safe', true, undefined],
    ['timestamp to timestamptz', t('TIMESTAMP'), t('TIMESTAMPTZ'), 'safe', true, undefined],
    [
      'timestamp precision grown',
      t('TIMESTAMP', { precision: 3 }),
      t('TIMESTAMP', { precision: 6 }),
      'safe',
      false,
      undefined,
    ],
    [
      'timestamp precision shrunk rounds',
      t('TIMESTAMP'),
      t('TIMESTAMP', { precision: 0 }),
      'risky',
      true,
      undefined,
    ],
    ['timestamptz to date drops the time', t('TIMESTAMPTZ'), t('DATE'), 'risky', true, undefined],
    ['json to jsonb', t('JSON'), t('JSONB'), 'risky', true, '"X"::jsonb'],
    ['jsonb to json', t('JSONB'), t('JSON'), 'safe', true, '"X"::json'],
    ['bytea to text', t('BYTEA'), t('TEXT'), 'safe', true, undefined],
    ['boolean to date', t('BOOLEAN'), t('DATE'), 'impossible', false, undefined],
    ['jsonb to uuid', t('JSONB'), t('UUID'), 'impossible', false, undefined],
    ['uuid to integer', t('UUID'), t('INTEGER'), 'impossible', false, undefined],
    ['date to integer', t('DATE'), t('INTEGER'), 'impossible', false, undefined],
    ['integer to date', t('INTEGER'), t('DATE'), 'impossible', false, undefined],
    ['time to timestamp', t('TIME'), t('TIMESTAMP'), 'impossible', false, undefined],
    ['bytea to uuid', t('BYTEA'), t('UUID'), 'impossible', false, undefined],
  ])('%s', (_label, from, to, kind, rewrites, using) => {
    const result = classifyCast(from, to);
    expect({ kind: result.kind, rewrites: result.rewrites, using: result.using }).toEqual({
      kind,
      rewrites,
      using,
    });
    expect(result.reason).not.toBe('');
  });

  test('the USING expression quotes the column and the enum type', () => {
    const result = classifyCast(t('TEXT'), t('ENUM', { enumId: 'e1' }), {
      column: 'my "col"',
      enumName: () => `it's "mood"`,
    });
    expect(result.using).toBe(`"my ""col"""::"it's ""mood"""`);
  });

  test('every rule that promises a data check has a predicate for it', () => {
    const types: ColumnType[] = DATA_TYPES.flatMap((dataType) =>
      dataType === 'ENUM'
        ? [t('ENUM', { enumId: 'e1' }), t('ENUM', { enumId: 'e2' })]
        : [t(dataType), t(dataType, { length: 3, precision: 3, scale: 1 })],
    );
    for (const from of types) {
      for (const to of types) {
        const rule = castRule(from, to);
        if (rule.check === 'cast') expect(castFailurePredicate(from, to, '"c"', ['a'])).toBeDefined();
        if (rule.kind === 'same' || rule.kind === 'safe') expect(rule.check).toBeUndefined();
      }
    }
  });
});
