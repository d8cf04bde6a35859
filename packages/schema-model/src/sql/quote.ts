/**
 * The one quoting function for identifiers that reach SQL, and the one for literals that must
 * be inlined (DDL cannot take parameters). Everything else passes values as parameters.
 */
export function quoteIdent(name: string): string {
  if (name.includes('\u0000')) throw new Error('identifier contains a NUL character');
  return name.includes('"') ? `"${name.replaceAll('"', '""')}"` : `"${name}"`;
}

/**
 * A PostgreSQL string literal that means the same whatever `standard_conforming_strings` is
 * (' doubled). A value with a backslash is written as an escape string, E'…' with backslashes
 * doubled: a plain '…' would read its backslashes as escapes when that setting is off (so
 * `x\'; DROP …` would end the string early), while E'…' reads them as escapes under either
 * setting. The generated scripts also set `standard_conforming_strings = on`; this holds without it.
 */
export function quoteLiteral(value: string): string {
  if (value.includes('\u0000')) throw new Error('literal contains a NUL character');
  const quoted = `'${value.replaceAll("'", "''")}'`;
  return value.includes('\\') ? `E${quoted.replaceAll('\\', '\\\\')}` : quoted;
}

/** A standard SQL string literal (' doubled; backslashes are plain characters), as SQLite reads it. */
function quoteStandardLiteral(value: string): string {
  if (value.includes('\u0000')) throw new Error('literal contains a NUL character');
  return `'${value.replaceAll("'", "''")}'`;
}

/** UTF-8 byte length, the unit of PostgreSQL's 63-byte identifier limit. */
export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** The dialects identifiers and literals are quoted for (the same names as `SQL_DIALECTS`). */
export type QuoteDialect = 'postgresql' | 'mysql' | 'sqlite';

/**
 * An identifier quoted for `dialect`: backticks (doubled inside) for MySQL/MariaDB, whose
 * default sql_mode reads double quotes as strings; double quotes for PostgreSQL and SQLite.
 */
export function quoteIdentFor(dialect: QuoteDialect, name: string): string {
  if (dialect !== 'mysql') return quoteIdent(name);
  if (name.includes('\u0000')) throw new Error('identifier contains a NUL character');
  return `\`${name.replaceAll('`', '``')}\``;
}

/**
 * A string literal for `dialect`. MySQL/MariaDB read a backslash in a string as an escape unless
 * sql_mode has NO_BACKSLASH_ESCAPES, so it is doubled there, and the MySQL script sets a sql_mode
 * without that flag (`mysqlPreamble`); under it a doubled backslash would stay two characters but
 * never end the string, since quotes are doubled rather than escaped. PostgreSQL: `quoteLiteral`.
 * SQLite has no backslash escapes at all.
 */
export function quoteLiteralFor(dialect: QuoteDialect, value: string): string {
  if (dialect === 'postgresql') return quoteLiteral(value);
  if (dialect === 'sqlite') return quoteStandardLiteral(value);
  if (value.includes('\u0000')) throw new Error('literal contains a NUL character');
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}
