import fc from 'fast-check';
import type { ColumnDocument } from '../design/document.ts';
import { NAME_CHARS, textArb } from './design-arbitrary-names.test-support.ts';

/** Test support: a random column type with valid modifiers, and a default valid for it. */

export interface TypedColumn {
  dataType: string;
  length?: number;
  precision?: number;
  scale?: number;
  unsigned?: boolean;
  /** A default valid for the type; for ENUM columns chosen later from the enum's values. */
  defaultValue?: ColumnDocument['defaultValue'];
  enumDefault?: boolean;
  /** An array of the type (its default then a list of the type's values). */
  array?: boolean;
}

export const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
/** A string of at most `max` characters (code points). */
const shortText = (max: number) =>
  fc.string({ unit: fc.constantFrom(...NAME_CHARS, '%', '\n'), maxLength: Math.min(max, 20) });

const two = (n: number) => String(n).padStart(2, '0');
const dateArb = fc
  .record({
    y: fc.integer({ min: 1, max: 9999 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${String(y).padStart(4, '0')}-${two(m)}-${two(d)}`);
const timeArb = fc
  .record({
    h: fc.integer({ min: 0, max: 23 }),
    m: fc.integer({ min: 0, max: 59 }),
    s: fc.integer({ min: 0, max: 59 }),
    f: opt(fc.stringMatching(/^\d{1,6}$/)),
  })
  .map(({ h, m, s, f }) => `${two(h)}:${two(m)}:${two(s)}${f === undefined ? '' : `.${f}`}`);
const nowArb = fc.constantFrom('now()', 'CURRENT_TIMESTAMP', 'NOW()', 'current_timestamp');

/** A decimal literal that fits NUMERIC(precision, scale). */
function decimalArb(precision: number | undefined, scale: number | undefined): fc.Arbitrary<string | number> {
  const whole = precision === undefined ? 15 : Math.min(precision - (scale ?? 0), 15);
  const fraction = precision === undefined ? 6 : Math.min(scale ?? 0, 6);
  return fc
    .record({
      sign: fc.constantFrom('', '-', '+'),
      whole: fc.string({
        unit: fc.constantFrom(...'0123456789'),
        minLength: whole > 0 ? 1 : 0,
        maxLength: Math.max(whole, 0),
      }),
      fraction: fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: fraction }),
      asNumber: fc.boolean(),
    })
    .map(({ sign, whole: w, fraction: f, asNumber }) => {
      const text = `${sign}${w === '' ? '0' : w}${f === '' ? '' : `.${f}`}`;
      return asNumber && whole + fraction <= 15 && sign !== '+' ? Number(text) : text;
    });
}

export const typedColumnArb: fc.Arbitrary<TypedColumn> = fc.oneof(
  fc
    .record({
      dataType: fc.constantFrom('VARCHAR', 'varchar', 'character varying'),
      length: opt(fc.oneof(fc.integer({ min: 1, max: 300 }), fc.constant(10_485_760))),
    })
    .chain(({ dataType, length }) =>
      opt(shortText(length ?? 50)).map((defaultValue) => ({ dataType, length, defaultValue })),
    ),
  fc
    .record({ dataType: fc.constantFrom('CHAR', 'character'), length: opt(fc.integer({ min: 1, max: 12 })) })
    .chain(({ dataType, length }) =>
      opt(shortText(length ?? 1)).map((defaultValue) => ({ dataType, length, defaultValue })),
    ),
  fc.record({ dataType: fc.constant('TEXT'), defaultValue: opt(textArb) }),
  fc.record({
    dataType: fc.constantFrom('SMALLINT', 'int2'),
    defaultValue: opt(fc.oneof(fc.integer({ min: -32_768, max: 32_767 }), fc.constantFrom('-32768', '+7'))),
  }),
  fc.record({
    dataType: fc.constantFrom('INT', 'INTEGER', 'int4'),
    defaultValue: opt(fc.oneof(fc.integer(), fc.integer().map(String))),
  }),
  fc.record({
    dataType: fc.constantFrom('BIGINT', 'int8'),
    defaultValue: opt(
      fc.oneof(fc.maxSafeInteger(), fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String)),
    ),
  }),
  fc
    .record({
      dataType: fc.constantFrom('DECIMAL', 'NUMERIC', 'numeric'),
      precision: opt(fc.oneof(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 1000 }))),
    })
    .chain(({ dataType, precision }) =>
      (precision === undefined ? fc.constant(undefined) : opt(fc.integer({ min: 0, max: precision }))).chain(
        (scale) =>
          opt(decimalArb(precision, scale)).map((defaultValue) => ({
            dataType,
            precision,
            scale,
            defaultValue,
          })),
      ),
    ),
  fc.record({
    dataType: fc.constantFrom('REAL', 'float4'),
    defaultValue: opt(fc.float({ noNaN: true, noDefaultInfinity: true })),
  }),
  fc.record({
    dataType: fc.constantFrom('DOUBLE', 'double precision', 'float8'),
    defaultValue: opt(fc.double({ noNaN: true, noDefaultInfinity: true })),
  }),
  fc.record({
    dataType: fc.constantFrom('BOOLEAN', 'bool'),
    defaultValue: opt(fc.oneof(fc.boolean(), fc.constantFrom('true', 'FALSE', ' True '))),
  }),
  fc.record({
    dataType: fc.constant('DATE'),
    defaultValue: opt(fc.oneof(dateArb, fc.constantFrom('CURRENT_DATE', 'now()'))),
  }),
  fc.record({
    dataType: fc.constant('TIME'),
    precision: opt(fc.integer({ min: 0, max: 6 })),
    defaultValue: opt(fc.oneof(timeArb, fc.constant('24:00:00'), nowArb)),
  }),
  fc.record({
    dataType: fc.constantFrom('TIMESTAMP', 'timestamp without time zone'),
    precision: opt(fc.integer({ min: 0, max: 6 })),
    defaultValue: opt(
      fc.oneof(
        fc.tuple(dateArb, fc.constantFrom(' ', 'T'), timeArb).map((parts) => parts.join('')),
        nowArb,
      ),
    ),
  }),
  fc.record({
    dataType: fc.constantFrom('TIMESTAMPTZ', 'timestamp with time zone'),
    precision: opt(fc.integer({ min: 0, max: 6 })),
    defaultValue: opt(
      fc.oneof(
        fc
          .tuple(dateArb, timeArb, fc.constantFrom('Z', '+00', '-05:30', '+1200', ''))
          .map(([d, t, z]) => `${d}T${t}${z}`),
        nowArb,
        fc.constant('CURRENT_DATE'),
      ),
    ),
  }),
  fc.record({
    dataType: fc.constant('UUID'),
    defaultValue: opt(fc.oneof(fc.uuid(), fc.constantFrom('gen_random_uuid()', 'GEN_RANDOM_UUID()'))),
  }),
  fc.record({
    dataType: fc.constantFrom('JSON', 'JSONB'),
    defaultValue: opt(
      fc.oneof(
        // A string default of a JSON column is JSON text, so a JSON string value is sent encoded.
        fc
          .jsonValue({ maxDepth: 2, stringUnit: fc.constantFrom(...NAME_CHARS, '\n') })
          .map((value) => (typeof value === 'string' ? JSON.stringify(value) : value)),
        fc.constantFrom('{"a": [1, 2]}', '"text"', '[]', '3.5', 'null'),
      ),
    ),
  }),
  fc.record({
    dataType: fc.constant('BYTEA'),
    defaultValue: opt(
      fc
        .uint8Array({ maxLength: 8 })
        .map((bytes) => `\\x${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`),
    ),
  }),
  fc.record({ dataType: fc.constantFrom('ENUM', 'enum'), enumDefault: fc.boolean() }),
  fc
    .record({
      dataType: fc.constantFrom('SMALLINT', 'INTEGER', 'BIGINT'),
      unsigned: fc.constant(true),
    })
    .chain((typed) => {
      const max = { SMALLINT: 65_535, INTEGER: 4_294_967_295, BIGINT: Number.MAX_SAFE_INTEGER }[
        typed.dataType
      ];
      return opt(fc.integer({ min: 0, max })).map((defaultValue) => ({ ...typed, defaultValue }));
    }),
  fc
    .record({
      dataType: fc.constantFrom('BINARY', 'VARBINARY', 'BYTEA', 'binary', 'varbinary'),
      length: fc.integer({ min: 1, max: 40 }),
    })
    .chain(({ dataType, length }) =>
      opt(
        fc.uint8Array({ minLength: dataType.toUpperCase() === 'BINARY' ? length : 0, maxLength: length }),
      ).map((bytes) => ({
        dataType,
        length,
        ...(bytes === undefined
          ? {}
          : { defaultValue: `\\x${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}` }),
      })),
    ),
  ...postgresTypeArbs(),
);

/** PostgreSQL's own types (XML aside: it cannot be in a key, which the builders pick at random). */
function postgresTypeArbs(): fc.Arbitrary<TypedColumn>[] {
  const octet = fc.integer({ min: 0, max: 255 });
  const ipv4 = fc.tuple(octet, octet, octet, octet).map((parts) => parts.join('.'));
  const hex = fc.integer({ min: 0, max: 255 }).map((n) => n.toString(16).padStart(2, '0'));
  return [
    fc.record({ dataType: fc.constant('INET'), defaultValue: opt(ipv4) }),
    fc.record({
      dataType: fc.constant('CIDR'),
      defaultValue: opt(fc.tuple(octet, octet).map(([a, b]) => `${a}.${b}.0.0/16`)),
    }),
    fc.record({
      dataType: fc.constant('MACADDR'),
      defaultValue: opt(fc.array(hex, { minLength: 6, maxLength: 6 }).map((parts) => parts.join(':'))),
    }),
    fc.record({ dataType: fc.constantFrom('CITEXT', 'citext'), defaultValue: opt(shortText(20)) }),
    fc.record({ dataType: fc.constant('TSVECTOR'), defaultValue: opt(fc.constantFrom("'a':1 'b':2", '')) }),
    fc.record({
      dataType: fc.constant('INTERVAL'),
      precision: opt(fc.integer({ min: 0, max: 6 })),
      defaultValue: opt(fc.constantFrom('00:00:00', '1 day', '1 year 2 mons', '-00:00:01.5')),
    }),
    fc.record({ dataType: fc.constant('MONEY'), defaultValue: opt(decimalArb(12, 2)) }),
    fc.record({
      dataType: fc.constantFrom('INT4RANGE', 'DATERANGE', 'TSTZRANGE'),
      defaultValue: opt(fc.constant('empty')),
    }),
    fc.record({
      dataType: fc.constantFrom('TEXT', 'INTEGER', 'CITEXT'),
      array: fc.constant(true),
      defaultValue: opt(fc.constantFrom<ColumnDocument['defaultValue']>([], '{}')),
    }),
    // No length: PostgreSQL 15 cannot check a foreign key over varchar(n)[] (FK_ARRAY_MODIFIER).
    fc.record({
      dataType: fc.constant('VARCHAR'),
      array: fc.constant(true),
      defaultValue: opt(fc.array(fc.option(shortText(1), { nil: null }), { maxLength: 3 })),
    }),
  ];
}
