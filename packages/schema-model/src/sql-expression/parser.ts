import { loadModule, parseSync } from 'libpg-query';

/*
 * PostgreSQL's own parser (libpg-query: the server's grammar compiled to WebAssembly), loaded
 * once when this module is first imported. The top-level await makes every importer wait for it,
 * so checking an expression stays a synchronous call in Node and in the browser alike.
 */
await loadModule();

/** A parse tree node: one key naming its kind (`A_Expr`, `ColumnRef`, …) holding its fields. */
export type AstNode = Readonly<Record<string, unknown>>;

export interface ParsedStatements {
  stmts: readonly { stmt: AstNode; stmt_len?: number; stmt_location?: number }[];
}

export type ParseOutcome =
  | { ok: true; tree: ParsedStatements }
  | { ok: false; message: string; offset: number };

/** Parses `sql` with PostgreSQL's grammar; a syntax error comes back with its 0-based offset. */
export function parsePostgres(sql: string): ParseOutcome {
  try {
    return { ok: true, tree: parseSync(sql) as ParsedStatements };
  } catch (error) {
    const details = (error as { sqlDetails?: { message?: string; cursorPosition?: number } }).sqlDetails;
    const message = details?.message ?? (error instanceof Error ? error.message : String(error));
    return { ok: false, message, offset: Math.max(0, details?.cursorPosition ?? 0) };
  }
}
