/**
 * What of an error may be written to a log. Query errors carry the values they were run with:
 * Drizzle's DrizzleQueryError keeps `params` and repeats them in its message ("Failed query: …
 * params: …"), postgres.js keeps `parameters` and `args` (enumerable in debug mode) and puts the
 * whole failing row in `detail` — password hashes, token hashes, sealed secrets. So an error is
 * logged by a list of fields known to hold no values, never by copying what it has; the same
 * for every error of its `cause` chain.
 */

/**
 * Fields kept as they are: codes and names, never values (SQLSTATE, constraint, table, …), and
 * where a network call failed (a socket error's syscall and address).
 */
const SAFE_FIELDS = [
  'code',
  'statusCode',
  'errno',
  'syscall',
  'address',
  'port',
  'severity',
  'routine',
  'schema_name',
  'table_name',
  'column_name',
  'constraint_name',
] as const;

/** Deep enough for TRPCError → DrizzleQueryError → PostgresError, with room to spare. */
const MAX_CAUSES = 8;

/** Drizzle's message appends the values after the query text. */
const DRIZZLE_PARAMS = /\nparams:[\s\S]*$/;

/** A SQL string literal (`'…'`, `E'…'` with `''` inside): a value written into the query text. */
const SQL_LITERAL = /'(?:[^']|'')*'/g;

export interface LogSafeError {
  type: string;
  message: string;
  stack?: string;
  query?: string;
  cause?: LogSafeError | string;
  errors?: Array<LogSafeError | string>;
  [field: string]: unknown;
}

/** The loggable form of an error (anything else is returned as it is). */
export function logSafeError(error: unknown): unknown {
  return error instanceof Error ? describe(error, MAX_CAUSES) : error;
}

/**
 * A log line's fields with every error in loggable form, whatever its key (`err`, `error`,
 * `cause`): for a logger's `formatters.log`, so no call site has to remember.
 */
export function logSafeFields(fields: Record<string, unknown>): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(fields)) {
    if (!(value instanceof Error)) continue;
    copy ??= { ...fields };
    copy[key] = logSafeError(value);
  }
  return copy ?? fields;
}

/**
 * A log call's arguments with the message an error would lend it made safe: `log.error(err)`
 * and `log.error({ err })` without a message take the error's own, which may embed values.
 * For a logger's `hooks.logMethod`.
 */
export function logSafeArguments(args: readonly unknown[]): unknown[] {
  const [first, ...rest] = args;
  if (typeof rest[0] === 'string') return [...args];
  const error =
    first instanceof Error
      ? first
      : first !== null && typeof first === 'object' && 'err' in first && !('msg' in first)
        ? first.err
        : undefined;
  if (!(error instanceof Error)) return [...args];
  return [first, logSafeMessage(error), ...rest];
}

/** An error's message without the values a failed query embeds in it. */
export function logSafeMessage(error: Error): string {
  const message = error.message.replace(DRIZZLE_PARAMS, '');
  // Drizzle's message is the query text: the literals of a hand-written statement go too.
  return message.startsWith('Failed query: ') ? withoutLiterals(message) : message;
}

/** Query text with every string literal replaced by `'…'` (parameters never appear in it). */
export function withoutLiterals(sql: string): string {
  return sql.replace(SQL_LITERAL, "'…'");
}

function describe(error: Error, depth: number): LogSafeError {
  const message = logSafeMessage(error);
  const safe: LogSafeError = { type: error.constructor.name || error.name, message };
  const stack = stackOf(error, message);
  if (stack) safe.stack = stack;
  const fields = error as unknown as Record<string, unknown>;
  for (const field of SAFE_FIELDS) {
    const value = fields[field];
    if (typeof value === 'string' || typeof value === 'number') safe[field] = value;
  }
  if (typeof fields.query === 'string') safe.query = withoutLiterals(fields.query);
  if (depth > 0 && error.cause !== undefined) safe.cause = describeCause(error.cause, depth - 1);
  if (depth > 0 && error instanceof AggregateError && Array.isArray(error.errors)) {
    safe.errors = error.errors.map((item: unknown) => describeCause(item, depth - 1));
  }
  return safe;
}

function describeCause(cause: unknown, depth: number): LogSafeError | string {
  if (cause instanceof Error) return describe(cause, depth);
  // Anything but an error says nothing about the failure worth the risk of logging a value.
  return typeof cause;
}

/**
 * The stack's frames under the safe message. V8 writes the stack as the message's lines, then
 * the frames; the header's name may differ (a TRPCError's stack says "Error"), its line count not.
 */
function stackOf(error: Error, message: string): string | undefined {
  if (typeof error.stack !== 'string') return undefined;
  const frames = error.stack.split('\n').slice(error.message.split('\n').length);
  return [`${error.name}: ${message}`, ...frames].join('\n');
}
