import { describe, expect, test } from 'vitest';
import type { ColumnType } from '../design/model.ts';
import { castFailurePredicate } from './cast-predicates.ts';
import type { CastKind } from './classify-cast.ts';
import { classifyCast } from './classify-cast.ts';

const t = (dataType: ColumnType['dataType'], extras: Omit<ColumnType, 'dataType'> = {}): ColumnType => ({
  dataType,
  ...extras,
});
const list = (dataType: ColumnType['dataType'], extras: Omit<ColumnType, 'dataType'> = {}) =>
  t(dataType, { ...extras, array: true });

describe("type changes among PostgreSQL's own types and arrays", () => {
  test.each<[string, ColumnType, ColumnType, CastKind, boolean, string | undefined]>([
    ['text to citext keeps the bytes', t('TEXT'), t('CITEXT'), 'safe', false, undefined],
    ['varchar to citext keeps the bytes', t('VARCHAR', { length: 9 }), t('CITEXT'), 'safe', false, undefined],
    [
      'char to citext trims through text',
      t('CHAR', { length: 3 }),
      t('CITEXT'),
      'safe',
      true,
      '"X"::text::citext',
    ],
    ['citext to text', t('CITEXT'), t('TEXT'), 'safe', true, undefined],
    [
      'citext to varchar(5) may be too long',
      t('CITEXT'),
      t('VARCHAR', { length: 5 }),
      'risky',
      true,
      undefined,
    ],
    ['citext to integer through text', t('CITEXT'), t('INTEGER'), 'risky', true, '"X"::text::integer'],
    ['text to inet parses', t('TEXT'), t('INET'), 'risky', true, '"X"::inet'],
    ['inet to text', t('INET'), t('TEXT'), 'safe', true, undefined],
    [
      'inet to cidr through text (refused, not truncated)',
      t('INET'),
      t('CIDR'),
      'risky',
      true,
      '"X"::text::cidr',
    ],
    ['cidr to inet', t('CIDR'), t('INET'), 'safe', false, undefined],
    ['interval precision grown', t('INTERVAL', { precision: 3 }), t('INTERVAL'), 'safe', false, undefined],
    ['interval precision shrunk', t('INTERVAL'), t('INTERVAL', { precision: 0 }), 'risky', true, undefined],
    ['time to interval', t('TIME'), t('INTERVAL'), 'safe', true, undefined],
    ['interval to time drops days', t('INTERVAL'), t('TIME'), 'risky', true, undefined],
    ['integer to money', t('INTEGER'), t('MONEY'), 'safe', true, undefined],
    ['numeric to money rounds', t('NUMERIC'), t('MONEY'), 'risky', true, undefined],
    ['double to money through numeric', t('DOUBLE'), t('MONEY'), 'risky', true, '"X"::numeric::money'],
    ['money to numeric', t('MONEY'), t('NUMERIC'), 'safe', true, undefined],
    ['money to integer through numeric', t('MONEY'), t('INTEGER'), 'risky', true, '"X"::numeric::integer'],
    ['int4range to int8range', t('INT4RANGE'), t('INT8RANGE'), 'impossible', false, undefined],
    ['xml to jsonb', t('XML'), t('JSONB'), 'impossible', false, undefined],
    ['tsvector to integer', t('TSVECTOR'), t('INTEGER'), 'impossible', false, undefined],
    ['an array of the same type', list('TEXT'), list('TEXT'), 'same', false, undefined],
    [
      'varchar[] widened',
      list('VARCHAR', { length: 5 }),
      list('VARCHAR', { length: 9 }),
      'safe',
      false,
      undefined,
    ],
    ['text[] to citext[] element by element', list('TEXT'), list('CITEXT'), 'safe', false, undefined],
    [
      'text[] to integer[] through the elements',
      list('TEXT'),
      list('INTEGER'),
      'risky',
      true,
      '"X"::integer[]',
    ],
    ['integer[] to uuid[]', list('INTEGER'), list('UUID'), 'impossible', false, undefined],
    [
      'scalar to array: each value an array of one',
      t('TEXT'),
      list('TEXT'),
      'risky',
      true,
      'CASE WHEN "X"::text IS NULL THEN NULL ELSE ARRAY["X"::text] END::text[]',
    ],
    [
      'integer to bigint[]: converted, then wrapped',
      t('INTEGER'),
      list('BIGINT'),
      'risky',
      true,
      'CASE WHEN "X"::bigint IS NULL THEN NULL ELSE ARRAY["X"::bigint] END::bigint[]',
    ],
    ['array to text: its text form', list('INTEGER'), t('TEXT'), 'safe', true, undefined],
    [
      'array to varchar(5) may be too long',
      list('INTEGER'),
      t('VARCHAR', { length: 5 }),
      'risky',
      true,
      undefined,
    ],
    ['array to integer', list('INTEGER'), t('INTEGER'), 'impossible', false, undefined],
    ['scalar to an impossible array', t('UUID'), list('INTEGER'), 'impossible', false, undefined],
  ])('%s', (_label, from, to, kind, rewrites, using) => {
    const result = classifyCast(from, to);
    expect({ kind: result.kind, rewrites: result.rewrites, using: result.using }).toEqual({
      kind,
      rewrites,
      using,
    });
    expect(result.reason).not.toBe('');
  });

  test('an inet made a cidr is counted beforehand: the addresses with host bits', () => {
    expect(castFailurePredicate(t('INET'), t('CIDR'), '"c"')).toBe('"c" <> network("c")');
  });

  test('a citext cast to a number is checked as text is', () => {
    expect(castFailurePredicate(t('CITEXT'), t('INTEGER'), '"c"')).toContain('"c"::text ~');
  });
});
