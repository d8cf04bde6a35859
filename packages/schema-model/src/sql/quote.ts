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
