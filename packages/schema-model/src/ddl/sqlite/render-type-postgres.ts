import type { ColumnType } from '../../design/model.ts';
import type { ExportWarningCode } from '../export-warning.ts';

/** A type SQLite declares differently from the design, and why. */
export interface SqliteTypeChange {
  code: ExportWarningCode;
  message: string;
  /** A CHECK on the column that keeps what the declared type alone does not. */
  check?: (column: string) => string;
}

export interface SqliteType {
  sql: string;
  change?: SqliteTypeChange;
}

/**
 * Declared TEXT (TEXT affinity): a value is kept as the text written, never read as a number. A
 * name of the type's own would not do: INTERVAL and INT4RANGE contain INT (INTEGER affinity), and
 * INET or MACADDR (NUMERIC affinity) would turn a MAC address of digits into a number.
 */
const asText = (code: ExportWarningCode, message: string): SqliteType => ({
  sql: 'TEXT',
  change: { code, message },
});

/**
 * The SQLite form of PostgreSQL's own types and of arrays, each with the change it makes;
 * undefined for the portable types (`renderSqliteType` declares those by their own names).
 */
export function sqlitePostgresType(type: ColumnType, element: string): SqliteType | undefined {
  if (type.array === true)
    return {
      sql: 'TEXT',
      change: {
        code: 'ARRAY_AS_JSON',
        message: `an array of ${element} is a JSON array in TEXT (SQLite has no array types), kept an array by a CHECK; its elements are not checked to be ${element}`,
        check: (column) => `CHECK (json_valid(${column}) AND json_type(${column}) = 'array')`,
      },
    };
  switch (type.dataType) {
    case 'INET':
    case 'CIDR':
    case 'MACADDR':
      return asText(
        'NETWORK_AS_TEXT',
        `${type.dataType} is TEXT: the address as text, not checked to be one`,
      );
    case 'CITEXT':
      return {
        sql: 'TEXT COLLATE NOCASE',
        change: {
          code: 'CITEXT_AS_COLLATION',
          message:
            'CITEXT is TEXT COLLATE NOCASE: comparisons, keys and sorting ignore the case of ASCII letters only (SQLite folds A-Z, not É or Ж)',
        },
      };
    case 'TSVECTOR':
      return asText(
        'TSVECTOR_AS_TEXT',
        "TSVECTOR is TEXT: the lexemes as PostgreSQL writes them ('a':1 'b':2), no text search on them",
      );
    case 'INTERVAL':
      return asText(
        'INTERVAL_AS_TEXT',
        "INTERVAL is TEXT: the interval as PostgreSQL writes it ('1 day 02:00:00'), no date arithmetic on it",
      );
    case 'MONEY':
      return {
        sql: 'DECIMAL(19,2)',
        change: {
          code: 'MONEY_AS_DECIMAL',
          message:
            "MONEY is DECIMAL(19,2) (NUMERIC affinity): the amount without currency symbol, which SQLite stores as a number (PostgreSQL's money takes its decimals from the server's lc_monetary)",
        },
      };
    case 'XML':
      return asText('XML_AS_TEXT', 'XML is TEXT: the document as text, not checked to be well-formed');
    case 'INT4RANGE':
    case 'INT8RANGE':
    case 'NUMRANGE':
    case 'DATERANGE':
    case 'TSRANGE':
    case 'TSTZRANGE':
      return asText(
        'RANGE_AS_TEXT',
        `${type.dataType} is TEXT: the range as PostgreSQL writes it ('[1,10)', 'empty'), not checked, no range operators`,
      );
    default:
      return undefined;
  }
}
