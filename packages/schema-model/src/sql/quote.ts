/**
 * The one quoting function for identifiers that reach SQL, and the one for literals that must
 * be inlined (DDL cannot take parameters). Everything else passes values as parameters.
 */
export function quoteIdent(name: string): string {
  if (name.includes('\u0000')) throw new Error('identifier contains a NUL character');
  return name.includes('"') ? `"${name.replaceAll('"', '""')}"` : `"${name}"`;
}

/**
 * A name in a schema, quoted: `"sales"."orders"`, or just `"orders"` without a schema (the
 * default schema, found by the script's search path). The one way qualified names are written.
 */
export function quoteQualified(schema: string | undefined, name: string): string {
  return schema === undefined ? quoteIdent(name) : `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

/**
 * A PostgreSQL string literal that means the same whatever the session's settings (' doubled).
 * A value without a backslash is a plain '…': only a quote can end it, and no client encoding
 * has a quote as the second byte of a character. A value with a backslash is an escape string
 * E'…', backslashes doubled: a plain '…' would read them as escapes with
 * `standard_conforming_strings` off (so `x\'; DROP …` would end the string early), E'…' reads
 * them the same under either setting. Its other non-ASCII characters become \uXXXX escapes, so
 * it is all ASCII: read in a multi-byte client encoding such as GBK, a UTF-8 byte could
 * otherwise pair with the backslash after it and free the quote that backslash escapes. The
 * generated scripts also set these settings; this holds even where they have not run yet.
 */
export function quotePostgresLiteral(value: string): string {
  if (value.includes('\u0000')) throw new Error('literal contains a NUL character');
  const quoted = value.replaceAll("'", "''");
  return value.includes('\\') ? `E'${asciiEscapeText(quoted)}'` : `'${quoted}'`;
}

/** The inside of an E'…' string: backslashes doubled, non-ASCII characters as \uXXXX or \UXXXXXXXX. */
function asciiEscapeText(text: string): string {
  let escaped = '';
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    if (character === '\\') escaped += '\\\\';
    else if (codePoint < 0x80) escaped += character;
    else if (codePoint <= 0xffff) escaped += `\\u${codePoint.toString(16).padStart(4, '0')}`;
    else escaped += `\\U${codePoint.toString(16).padStart(8, '0')}`;
  }
  return escaped;
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
 * never end the string, since quotes are doubled rather than escaped. PostgreSQL: `quotePostgresLiteral`.
 * SQLite has no backslash escapes at all.
 */
export function quoteLiteralFor(dialect: QuoteDialect, value: string): string {
  if (dialect === 'postgresql') return quotePostgresLiteral(value);
  if (dialect === 'sqlite') return quoteStandardLiteral(value);
  if (value.includes('\u0000')) throw new Error('literal contains a NUL character');
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}
