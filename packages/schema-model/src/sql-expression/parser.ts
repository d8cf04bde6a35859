import { loadModule, parseSync } from 'libpg-query';

/*
 * PostgreSQL's own parser (libpg-query: the server's grammar compiled to WebAssembly). Loading it
 * is asynchronous, parsing is not: in Node the load happens as this package is imported (see
 * `ready.ts`), so checking an expression stays a synchronous call; in a browser the page that
 * checks expressions awaits `loadSqlParser()` first (`ready.browser.ts` says why).
 */
let loaded: Promise<void> | undefined;
let ready = false;

/** Loads the parser once; every later call returns the same promise. */
export function loadSqlParser(): Promise<void> {
  loaded ??= loadModule().then(() => {
    ready = true;
  });
  return loaded;
}

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
  if (!ready) throw new Error("PostgreSQL's parser is not loaded yet: await loadSqlParser() first");
  try {
    return { ok: true, tree: parseSync(sql) as ParsedStatements };
  } catch (error) {
    const details = (error as { sqlDetails?: { message?: string; cursorPosition?: number } }).sqlDetails;
    const message = details?.message ?? (error instanceof Error ? error.message : String(error));
    return { ok: false, message, offset: Math.max(0, details?.cursorPosition ?? 0) };
  }
}
