/**
 * The statements that open a generated MySQL/MariaDB script, as mysqldump's do: what the rest of
 * it relies on, set for the session rather than taken from it.
 *
 * - `SET NAMES utf8mb4`: the script is UTF-8. Read as a multi-byte client character set such as
 *   GBK or SJIS, a UTF-8 byte can join the backslash after it into one character, and the quote
 *   that backslash escaped would end the string.
 * - `sql_mode`: the defaults MariaDB ships (MySQL 8's, less its deprecated and query-only
 *   flags), and in particular no NO_BACKSLASH_ESCAPES, which is what `quoteLiteralFor('mysql')`
 *   writes for (a backslash doubled); no ANSI_QUOTES either, though the script quotes names
 *   with backticks, which read the same under it. Strict, so a default that does not fit its
 *   column is an error rather than silently cut.
 * - `time_zone`: a TIMESTAMP default is read in the session's time zone; UTC makes it the same
 *   everywhere.
 * - `default_storage_engine`: tables without ENGINE get it; InnoDB keeps the foreign keys
 *   (MyISAM would silently drop them).
 */
export const MYSQL_PREAMBLE: readonly string[] = [
  'SET NAMES utf8mb4;',
  "SET SESSION sql_mode = 'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION';",
  "SET SESSION time_zone = '+00:00';",
  'SET SESSION default_storage_engine = InnoDB;',
];
