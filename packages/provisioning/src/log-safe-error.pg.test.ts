import { serverUrl } from '@schema-builder/testing/postgres';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { logSafeArguments, logSafeError, logSafeFields } from './log-safe-error.ts';

/**
 * Real driver errors, with everything they can carry: postgres.js in debug mode makes `query`,
 * `parameters` and `args` enumerable, and PostgreSQL's `detail` repeats the failing row.
 */
let sql: postgres.Sql;
beforeAll(async () => {
  sql = postgres(serverUrl(), { max: 1, debug: true, onnotice: () => {} });
  await sql`CREATE TEMP TABLE secrets (id int PRIMARY KEY, hash text NOT NULL, note text NOT NULL)`;
});
afterAll(() => sql.end());

const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';

async function failure(run: () => Promise<unknown>): Promise<Error> {
  const error = await run().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof Error)) throw new Error('expected the statement to fail');
  return error;
}

/** What Drizzle wraps a driver error in (drizzle-orm's DrizzleQueryError, by its shape). */
class DrizzleQueryError extends Error {
  constructor(
    readonly query: string,
    readonly params: unknown[],
    override readonly cause: unknown,
  ) {
    super(`Failed query: ${query}\nparams: ${params}`);
  }
}

describe('an error made loggable', () => {
  test('keeps the SQLSTATE, table, column and query text, drops parameters and the failing row', async () => {
    const error = await failure(() => sql`INSERT INTO secrets VALUES (1, ${HASH}, ${null})`);
    expect(JSON.stringify(error)).toContain(HASH); // what would have been logged

    const safe = JSON.stringify(logSafeError(error));
    expect(safe).not.toContain(HASH);
    expect(safe).not.toContain('Failing row');
    expect(logSafeError(error)).toMatchObject({
      type: 'PostgresError',
      code: '23502',
      table_name: 'secrets',
      column_name: 'note',
      query: 'INSERT INTO secrets VALUES (1, $1, $2)',
    });
  });

  test("cuts Drizzle's parameters from the message and the stack, through the cause chain", async () => {
    const cause = await failure(() => sql`INSERT INTO secrets VALUES (1, ${HASH}, ${null})`);
    const query = 'insert into "secrets" values ($1, $2, $3)';
    const wrapped = new Error('procedure failed', {
      cause: new DrizzleQueryError(query, [1, HASH, null], cause),
    });

    const safe = logSafeError(wrapped);
    expect(JSON.stringify(safe)).not.toContain(HASH);
    expect(safe).toMatchObject({
      message: 'procedure failed',
      cause: {
        type: 'DrizzleQueryError',
        message: `Failed query: ${query}`,
        stack: expect.stringMatching(/^Error: Failed query: insert into "secrets"[^\n]*\n\s+at /),
        query,
        cause: { type: 'PostgresError', code: '23502' },
      },
    });
  });

  test("blanks the string literals of a hand-written statement's text", async () => {
    const error = await failure(() =>
      sql.unsafe(`ALTER ROLE nobody WITH PASSWORD 'SCRAM-SHA-256$4096:c2FsdA==$secret' BOGUS`),
    );
    const safe = logSafeError(error);
    expect(JSON.stringify(safe)).not.toContain('secret');
    expect(safe).toMatchObject({ code: '42601', query: "ALTER ROLE nobody WITH PASSWORD '…' BOGUS" });
  });

  test('an error under any key of a log line, and the message it would lend, are made safe', () => {
    const error = new DrizzleQueryError('select $1', [HASH], undefined);
    expect(JSON.stringify(logSafeFields({ error, job: 'j1' }))).not.toContain(HASH);
    expect(logSafeFields({ job: 'j1' })).toEqual({ job: 'j1' });
    expect(logSafeArguments([error])).toEqual([error, 'Failed query: select $1']);
    expect(logSafeArguments([{ err: error }])).toEqual([{ err: error }, 'Failed query: select $1']);
    expect(logSafeArguments([{ err: error }, 'job failed'])).toEqual([{ err: error }, 'job failed']);
  });
});
