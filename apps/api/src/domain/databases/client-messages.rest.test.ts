import pino from 'pino';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { loggerOptions } from '../../logger.ts';
import type { Harness } from '../../test/harness.test-support.ts';
import { startHarness } from '../../test/harness.test-support.ts';

/**
 * The error-body rule on the API's own paths to a provisioning server: what the server or its
 * driver says (here "connect ECONNREFUSED 127.0.0.1:9", an internal address) never reaches a
 * client message; the log keeps it. (The worker's paths — a failing DDL, a refused connection, a
 * failed migration — are covered in @schema-builder/provisioning's client-messages test and the
 * worker's failure tests.)
 */

/** The only provisioning server: nothing listens on port 9. */
const DOWN = 'postgres://admin:admin-secret@127.0.0.1:9/postgres';
const DRIVER_TEXT = /\d+\.\d+\.\d+\.\d+:\d+|admin-secret/;

const written: string[] = [];
let h: Harness;
let schemaId: string;

const column = (id: string, name: string, nullable: boolean) => ({ id, name, dataType: 'TEXT', nullable });
const design = (nickNullable: boolean) => ({
  name: 'people',
  tables: [
    {
      id: 't_people',
      name: 'people',
      columns: [
        { id: 'c_id', name: 'id', dataType: 'INT', nullable: false, primaryKey: true },
        column('c_nick', 'nick', nickNullable),
      ],
    },
  ],
});

beforeAll(async () => {
  const log = pino(loggerOptions({ LOG_LEVEL: 'info', AUTH_PROXY_SECRET_HEADER: 'x-proxy-secret' }), {
    write: (line: string) => void written.push(line),
  });
  h = await startHarness({ PROVISION_TARGETS: `down=${DOWN}` }, { logger: log });
  const created = await h.request('POST', '/api/v1/schemas', design(true));
  schemaId = created.json().id;
  // A database the metadata records as built at version 1 (a worker's report, played here).
  expect((await h.request('POST', `/api/v1/schemas/${schemaId}/database`)).statusCode).toBe(202);
  const token = await h.createWorkerKey();
  const claimed = await h.request('POST', '/trpc/worker.claim', { waitMs: 5000 }, { token });
  const jobId: unknown = claimed.json().result.data.job?.jobId;
  expect(jobId, 'a claimed job').toEqual(expect.any(String));
  expect((await h.request('POST', '/trpc/worker.complete', { jobId }, { token })).statusCode).toBe(200);
});
afterAll(() => h.close());
beforeEach(() => {
  written.length = 0;
});

test("a status whose live catalog check cannot reach the server says so in our words; the log has the driver's", async () => {
  const status = await h.request('GET', `/api/v1/schemas/${schemaId}/database/status`);
  expect(status.statusCode).toBe(200);
  const catalog = status.json().catalog;
  expect(catalog).toMatchObject({ reachable: false, error: expect.stringContaining('ECONNREFUSED') });
  expect(catalog.error).not.toMatch(DRIVER_TEXT);
  expect(written.join('\n')).toContain('ECONNREFUSED 127.0.0.1:9');
});

test("a migration whose live-data check cannot reach the server is a 503 without the driver's text; the log has it", async () => {
  const updated = await h.request('PUT', `/api/v1/schemas/${schemaId}`, {
    ...design(false),
    expectedVersion: 1,
  });
  expect(updated.statusCode).toBe(200);
  const migrate = await h.request('POST', `/api/v1/schemas/${schemaId}/database/migrate`, {});
  expect(migrate.statusCode).toBe(503);
  const { error } = migrate.json();
  expect(error.code).toBe('SERVICE_UNAVAILABLE');
  expect(error.message).not.toMatch(DRIVER_TEXT);
  expect(error.message).not.toContain('ECONNREFUSED');
  expect(JSON.stringify(error.details)).not.toMatch(DRIVER_TEXT);
  const logged = written.join('\n');
  expect(logged).toContain(error.requestId);
  expect(logged).toContain('ECONNREFUSED 127.0.0.1:9');
});
