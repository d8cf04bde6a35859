/**
 * The one quoting function for identifiers that reach SQL, and the one for literals that must
 * be inlined (DDL cannot take parameters). Everything else passes values as parameters.
 */
export function quoteIdent(name: string): string {
  if (name.includes('\u0000')) throw new Error('identifier contains a NUL character');
  return name.includes('"') ? `"${name.replaceAll('"', '""')}"` : `"${name}"`;
}

/** A standard-conforming string literal ('' doubled; backslashes are literal). */
export function quoteLiteral(value: string): string {
  if (value.includes('\u0000')) throw new Error('literal contains a NUL character');
  return value.includes("'") ? `'${value.replaceAll("'", "''")}'` : `'${value}'`;
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
 * A string literal for `dialect`. MySQL/MariaDB read a backslash in a string as an escape
 * (unless sql_mode has NO_BACKSLASH_ESCAPES), so it is doubled there; PostgreSQL and SQLite
 * take backslashes literally.
 */
export function quoteLiteralFor(dialect: QuoteDialect, value: string): string {
  if (dialect !== 'mysql') return quoteLiteral(value);
  if (value.includes('\u0000')) throw new Error('literal contains a NUL character');
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}
