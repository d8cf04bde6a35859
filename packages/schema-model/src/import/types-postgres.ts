import type { TypeMapping } from './type-mapping.ts';
import {
  approximated,
  characterType,
  decimalType,
  exact,
  parseTypeName,
  temporalType,
  unsupported,
} from './type-mapping.ts';

/**
 * A PostgreSQL type as `format_type()` writes it (`character varying(255)`, `numeric(10,2)`,
 * `timestamp(3) with time zone`, `integer[]`, `public.citext`) as a design type. Enums and
 * domains are resolved before this (the column's `enumName`, the domain's base type).
 * serial/bigserial appear as integer/bigint with a `nextval` default, so they map like those.
 */
export function mapPostgresType(nativeType: string): TypeMapping {
  const { base, args, array } = parseTypeName(nativeType);
  if (array) {
    // PostgreSQL does not enforce dimensions: `integer[][]` is the same type as `integer[]`.
    const element = mapElementType(base, args, nativeType);
    return element.fidelity === 'unsupported' ? element : { ...element, array: true };
  }
  return mapElementType(base, args, nativeType);
}

function mapElementType(base: string, args: number[], nativeType: string): TypeMapping {
  const [first, second] = args;
  // Extension types are schema-qualified when their schema is not on the search path.
  const name = base.replace(/^[a-z_][a-z0-9_]*\./, '');
  switch (name) {
    case 'smallint':
    case 'int2':
    case 'smallserial':
      return exact('SMALLINT');
    case 'integer':
    case 'int':
    case 'int4':
    case 'serial':
      return exact('INTEGER');
    case 'bigint':
    case 'int8':
    case 'bigserial':
      return exact('BIGINT');
    case 'numeric':
    case 'decimal':
      return decimalType('NUMERIC', first, second);
    case 'real':
    case 'float4':
      return exact('REAL');
    case 'double precision':
    case 'float8':
      return exact('DOUBLE');
    case 'boolean':
    case 'bool':
      return exact('BOOLEAN');
    case 'text':
      return exact('TEXT');
    case 'character varying':
    case 'varchar':
      return characterType('VARCHAR', first);
    case 'character':
    case 'char':
    case 'bpchar':
      return characterType('CHAR', first);
    case '"char"':
      return approximated('CHAR', 'the one-byte internal type "char"; imported as CHAR(1)', { length: 1 });
    case 'name':
      return approximated('VARCHAR', 'the internal type name; imported as VARCHAR(63)', { length: 63 });
    case 'citext':
      return exact('CITEXT');
    case 'inet':
      return exact('INET');
    case 'cidr':
      return exact('CIDR');
    case 'macaddr':
      return exact('MACADDR');
    case 'tsvector':
      return exact('TSVECTOR');
    case 'interval':
      return temporalType('INTERVAL', first);
    case 'money':
      return exact('MONEY');
    case 'xml':
      return exact('XML');
    case 'int4range':
      return exact('INT4RANGE');
    case 'int8range':
      return exact('INT8RANGE');
    case 'numrange':
      return exact('NUMRANGE');
    case 'daterange':
      return exact('DATERANGE');
    case 'tsrange':
      return exact('TSRANGE');
    case 'tstzrange':
      return exact('TSTZRANGE');
    case 'date':
      return exact('DATE');
    case 'time without time zone':
    case 'time':
      return temporalType('TIME', first);
    case 'time with time zone':
    case 'timetz':
      return approximated('TIME', 'time with time zone loses its offset as TIME', temporalPrecision(first));
    case 'timestamp without time zone':
    case 'timestamp':
      return temporalType('TIMESTAMP', first);
    case 'timestamp with time zone':
    case 'timestamptz':
      return temporalType('TIMESTAMPTZ', first);
    case 'uuid':
      return exact('UUID');
    case 'json':
      return exact('JSON');
    case 'jsonb':
      return exact('JSONB');
    case 'bytea':
      return exact('BYTEA');
    default:
      // `interval day to second(3)`: the fields restriction rounds values, a design interval does not.
      if (name.startsWith('interval '))
        return approximated(
          'INTERVAL',
          `${name} keeps only some fields; imported as an INTERVAL without that restriction`,
          first === undefined ? {} : { precision: Math.min(first, 6) },
        );
      return unsupported(`${nativeType} has no design type`);
  }
}

function temporalPrecision(precision: number | undefined): Partial<TypeMapping> {
  const mapped = temporalType('TIME', precision);
  return mapped.precision === undefined ? {} : { precision: mapped.precision };
}
