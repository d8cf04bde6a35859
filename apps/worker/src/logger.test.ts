import pino from 'pino';
import { expect, test } from 'vitest';
import { loggerOptions } from './logger.ts';

/** A failed query's error as Drizzle and postgres.js shape it: the values ride along. */
function queryError(secret: string): Error {
  const driver = Object.assign(new Error(`null value in column "note" violates not-null constraint`), {
    code: '23502',
    detail: `Failing row contains (1, ${secret}, null).`,
    parameters: [secret],
  });
  return Object.assign(
    new Error(`Failed query: insert into "t" values ($1)\nparams: ${secret}`, { cause: driver }),
    {
      query: 'insert into "t" values ($1)',
      params: [secret],
    },
  );
}

test("the worker's log keeps what failed and drops the values it failed with, however it is logged", () => {
  const lines: string[] = [];
  const log = pino(loggerOptions('info'), { write: (line: string) => void lines.push(line) });
  const secret = 'SCRAM-SHA-256$4096:c2FsdA==$not-for-logs';

  log.warn({ err: queryError(secret), target: 'local' }, 'could not fill the warm pool');
  log.error(queryError(secret));
  log.error({ err: queryError(secret) });
  log.error({ error: queryError(secret), jobId: 'j1' }, 'job failed');

  const entries = lines.map((line) => JSON.parse(line));
  expect(entries).toHaveLength(4);
  expect(lines.join('')).not.toContain('not-for-logs');
  expect(entries[0]).toMatchObject({
    service: 'worker',
    msg: 'could not fill the warm pool',
    err: { query: 'insert into "t" values ($1)', cause: { code: '23502' } },
  });
  expect(entries[1].msg).toBe('Failed query: insert into "t" values ($1)');
  expect(entries[2].msg).toBe('Failed query: insert into "t" values ($1)');
  expect(entries[3].error).toMatchObject({ cause: { code: '23502' } });
});
