import { unescapeMysqlString } from './sql-literals.ts';
import type { TypeMapping } from './type-mapping.ts';
import {
  approximated,
  binaryType,
  characterType,
  decimalType,
  exact,
  parseTypeName,
  temporalType,
  unsupported,
} from './type-mapping.ts';

/**
 * A MySQL/MariaDB COLUMN_TYPE (`int(10) unsigned`, `tinyint(1)`, `enum('a','b')`,
 * `datetime(3)`) as a design type. Choices, each because PostgreSQL has no closer type:
 * - `tinyint(1)` (what BOOLEAN is in MySQL) and `bit(1)` are BOOLEAN;
 * - unsigned integers are `unsigned` integers of the same size; the design has no TINYINT or
 *   MEDIUMINT, so they are SMALLINT and INTEGER, unsigned or not (approximated: the range grows);
 * - DATETIME is TIMESTAMP (a wall-clock time) and TIMESTAMP is TIMESTAMPTZ, since MySQL stores a
 *   TIMESTAMP as an instant in UTC and converts it to the session's time zone, as timestamptz does;
 * - the text types are TEXT; `binary(n)` is BINARY(n), `varbinary(n)` VARBINARY(n), and the blob
 *   types BYTEA with their size class as its length in bytes (tinyblob 255, blob 65,535,
 *   mediumblob 16,777,215; longblob, over PostgreSQL's 1 GiB anyway, none);
 * - `enum(...)` becomes an ENUM with a design enum of its own (`enumValues`).
 */
export function mapMysqlType(nativeType: string): TypeMapping {
  const enumMatch = /^enum\((.*)\)$/is.exec(nativeType.trim());
  if (enumMatch) return exact('ENUM', { enumValues: parseQuotedList(enumMatch[1] ?? '') });
  if (/^set\(/i.test(nativeType.trim())) {
    return unsupported(`${nativeType} is a SET (several values at once); the design has no set type`);
  }
  const { base: fullBase, args } = parseTypeName(nativeType);
  const unsigned = /\bunsigned\b/.test(fullBase);
  const base = fullBase.replace(/\b(unsigned|signed|zerofill)\b/g, '').trim();
  const [first, second] = args;
  switch (base) {
    case 'tinyint':
      if (first === 1) return exact('BOOLEAN');
      if (unsigned)
        return approximated('SMALLINT', 'tinyint unsigned ends at 255, SMALLINT unsigned at 65535', {
          unsigned: true,
        });
      return approximated('SMALLINT', 'tinyint ends at 127, SMALLINT at 32767');
    case 'bool':
    case 'boolean':
      return exact('BOOLEAN');
    case 'smallint':
      return exact('SMALLINT', unsigned ? { unsigned: true } : {});
    case 'mediumint':
      if (unsigned)
        return approximated(
          'INTEGER',
          'mediumint unsigned ends at 16777215, INTEGER unsigned at 4294967295',
          {
            unsigned: true,
          },
        );
      return approximated('INTEGER', 'mediumint ends at 8388607, INTEGER at 2147483647');
    case 'int':
    case 'integer':
      return exact('INTEGER', unsigned ? { unsigned: true } : {});
    case 'bigint':
      return exact('BIGINT', unsigned ? { unsigned: true } : {});
    case 'decimal':
    case 'numeric':
    case 'dec':
    case 'fixed':
      return decimalType('DECIMAL', first, second);
    case 'float':
      if (first !== undefined && second !== undefined) {
        return approximated('REAL', `${nativeType}: the display width and digits are dropped`);
      }
      return exact('REAL');
    case 'double':
    case 'double precision':
    case 'real':
      if (first !== undefined && second !== undefined) {
        return approximated('DOUBLE', `${nativeType}: the display width and digits are dropped`);
      }
      return exact('DOUBLE');
    case 'bit':
      if (first === undefined || first === 1) return approximated('BOOLEAN', 'bit(1) imported as BOOLEAN');
      return unsupported(`${nativeType} is a bit string; the design has no bit types`);
    case 'char':
      return characterType('CHAR', first ?? 1);
    case 'varchar':
      return characterType('VARCHAR', first);
    case 'tinytext':
    case 'text':
    case 'mediumtext':
    case 'longtext':
      return exact('TEXT');
    case 'binary':
      return binaryType('BINARY', first);
    case 'varbinary':
      return binaryType('VARBINARY', first);
    case 'tinyblob':
      return exact('BYTEA', { length: 255 });
    case 'blob':
      return exact('BYTEA', { length: 65_535 });
    case 'mediumblob':
      return exact('BYTEA', { length: 16_777_215 });
    case 'longblob':
      return exact('BYTEA');
    case 'date':
      return exact('DATE');
    case 'time':
      return temporalType('TIME', first);
    case 'datetime':
      return temporalType('TIMESTAMP', first);
    case 'timestamp':
      return temporalType('TIMESTAMPTZ', first);
    case 'year':
      return approximated('SMALLINT', 'YEAR imported as SMALLINT');
    case 'json':
      return exact('JSON');
    case 'uuid':
      return exact('UUID');
    default:
      return unsupported(`${nativeType} has no design type`);
  }
}

/** `'a','b''c'` → ['a', "b'c"]: the values of an enum(...) or set(...) type. */
export function parseQuotedList(text: string): string[] {
  const values: string[] = [];
  const pattern = /'((?:[^'\\]|''|\\.)*)'\s*(?:,\s*|$)/gs;
  for (const match of text.matchAll(pattern)) values.push(unescapeMysqlString(match[1] ?? ''));
  return values;
}
