import type { ColumnType } from '../../design/model.ts';
import type { MysqlType } from './render-type.ts';

/**
 * Characters of the longest address text: an IPv6 address with an embedded IPv4 tail
 * (`ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255`, 45) and a prefix length (`/128`).
 */
export const ADDRESS_LENGTH = 49;
/** `08:00:2b:01:02:03`. */
export const MACADDR_LENGTH = 17;
/** Longer than any interval PostgreSQL writes (`-178000000 years -11 mons … -2562047788:00:54.775807`). */
export const INTERVAL_LENGTH = 100;
/**
 * A case-insensitive collation both MySQL 8 and MariaDB 10.2+ have. It also ignores accents
 * (é = e) and, being PAD SPACE, trailing spaces; citext compares `lower()` of the text, which
 * does neither: so the change is reported.
 */
export const CASE_INSENSITIVE_COLLATION = 'utf8mb4_unicode_ci';

const textForm = (
  sql: string,
  code: 'NETWORK_AS_TEXT' | 'TSVECTOR_AS_TEXT' | 'INTERVAL_AS_TEXT' | 'XML_AS_TEXT' | 'RANGE_AS_TEXT',
  message: string,
): MysqlType => ({ sql, change: { code, message } });

/**
 * The MySQL form of PostgreSQL's own types, each with the change it makes: MySQL has no network,
 * text-search, interval, money, xml, range or case-insensitive text types, so each is the text
 * (or number) PostgreSQL writes for its values, which keeps every value and loses the checks and
 * operators. Undefined for the portable types (`mysqlType` handles those).
 */
export function mysqlPostgresType(type: ColumnType): MysqlType | undefined {
  switch (type.dataType) {
    case 'INET':
    case 'CIDR':
      return textForm(
        `varchar(${ADDRESS_LENGTH})`,
        'NETWORK_AS_TEXT',
        `${type.dataType} is varchar(${ADDRESS_LENGTH}): the address as text, not checked to be one nor compared as one`,
      );
    case 'MACADDR':
      return textForm(
        `varchar(${MACADDR_LENGTH})`,
        'NETWORK_AS_TEXT',
        `MACADDR is varchar(${MACADDR_LENGTH}): the address as text, not checked to be one`,
      );
    case 'CITEXT':
      return {
        // A length only when a foreign key references it (`agree-keys.ts`): InnoDB keys no TEXT.
        sql: type.length === undefined ? 'text' : `varchar(${type.length})`,
        collate: CASE_INSENSITIVE_COLLATION,
        change: {
          code: 'CITEXT_AS_COLLATION',
          message: `CITEXT is text with the case-insensitive collation ${CASE_INSENSITIVE_COLLATION}, which also treats accented letters as plain ones (é = e) and ignores trailing spaces`,
        },
      };
    case 'TSVECTOR':
      return textForm(
        'longtext',
        'TSVECTOR_AS_TEXT',
        "TSVECTOR is LONGTEXT: the lexemes as PostgreSQL writes them ('a':1 'b':2), no text search on them",
      );
    case 'INTERVAL':
      return textForm(
        `varchar(${INTERVAL_LENGTH})`,
        'INTERVAL_AS_TEXT',
        `INTERVAL is varchar(${INTERVAL_LENGTH}): the interval as PostgreSQL writes it ('1 day 02:00:00'); MySQL's TIME holds only ±838 hours and no months, so no date arithmetic on it`,
      );
    case 'MONEY':
      return {
        sql: 'decimal(19,2)',
        change: {
          code: 'MONEY_AS_DECIMAL',
          message:
            "MONEY is decimal(19,2): the amount with 2 decimals and no currency symbol (PostgreSQL's money takes its decimals and symbol from the server's lc_monetary)",
        },
      };
    case 'XML':
      return textForm(
        'longtext',
        'XML_AS_TEXT',
        'XML is LONGTEXT: the document as text, not checked to be well-formed',
      );
    case 'INT4RANGE':
    case 'INT8RANGE':
    case 'NUMRANGE':
    case 'DATERANGE':
    case 'TSRANGE':
    case 'TSTZRANGE':
      return textForm(
        'text',
        'RANGE_AS_TEXT',
        `${type.dataType} is TEXT: the range as PostgreSQL writes it ('[1,10)', 'empty'), not checked, no range operators`,
      );
    default:
      return undefined;
  }
}
