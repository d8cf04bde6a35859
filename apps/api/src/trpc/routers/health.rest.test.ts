import { createTestDatabase } from '@schema-builder/testing/postgres';
import type { FastifyInstance } from 'fastify';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ERROR_CODE_MEANINGS } from '../../errors/code-meanings.ts';
import { createServer } from '../../server.ts';
import type { Services } from '../../services.ts';
import type { Harness } from '../../test/harness.test-support.ts';
import { startHarness } from '../../test/harness.test-support.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** A server over the harness's services, but whose metadata pool is `sql`. */
async function serverWithPool(sql: postgres.Sql, run: (app: FastifyInstance) => Promise<void>) {
  const services: Services = { ...h.services, sql };
  const app = await createServer({ services, logger: false });
  try {
    await run(app);
  } finally {
    await app.close();
    await sql.end({ timeout: 1 });
  }
}

/** Nothing listens on port 1: every connection attempt is refused. */
const unreachable = () => postgres('postgres://nobody@127.0.0.1:1/none', { max: 1, connect_timeout: 1 });

describe('GET /api/v1/health/live', () => {
  test('is 200 with the uptime', async () => {
    const response = await h.request('GET', '/api/v1/health/live', undefined, { token: null });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', uptimeSeconds: expect.any(Number) });
  });

  test('is 200 while the database is unreachable: a restart would not bring it back', async () => {
    await serverWithPool(unreachable(), async (app) => {
      expect((await app.inject({ method: 'GET', url: '/api/v1/health/live' })).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/trpc/health.live' })).statusCode).toBe(200);
    });
  });
});

describe.each(['/api/v1/health/ready', '/api/v1/health'])('GET %s', (path) => {
  test('is 200 with a database round trip while the database answers and is migrated', async () => {
    const response = await h.request('GET', path, undefined, { token: null });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'ok',
      checks: { database: { status: 'ok' }, migrations: { status: 'ok', pending: 0 } },
    });
  });

  test('is 503 SERVICE_UNAVAILABLE at `database` when the database is unreachable', async () => {
    await serverWithPool(unreachable(), async (app) => {
      const response = await app.inject({ method: 'GET', url: path });
      expect(response.statusCode).toBe(503);
      expect(response.json().error).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        details: [{ path: 'database', code: 'DATABASE_UNREACHABLE' }],
      });
      expect(response.body).not.toContain('127.0.0.1');
    });
  });

  test('is 503 SERVICE_UNAVAILABLE at `migrations` on a database without the migrations', async () => {
    const empty = await createTestDatabase('sbready');
    try {
      await serverWithPool(postgres(empty.url, { max: 1, onnotice: () => {} }), async (app) => {
        const response = await app.inject({ method: 'GET', url: path });
        expect(response.statusCode).toBe(503);
        expect(response.json().error).toMatchObject({
          code: 'SERVICE_UNAVAILABLE',
          details: [{ path: 'migrations', code: 'MIGRATIONS_PENDING' }],
        });
      });
    } finally {
      await empty.drop();
    }
  });
});

describe('API documentation', () => {
  test('serves the OpenAPI document with every REST route', async () => {
    const response = await h.request('GET', '/api/v1/openapi.json');
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json().paths).sort();
    expect(paths).toEqual([
      '/api-keys',
      '/api-keys/{id}',
      '/audit-events',
      '/auth/browser/sign-in',
      '/auth/browser/sign-up',
      '/auth/me',
      '/auth/sign-in',
      '/auth/sign-out',
      '/auth/sign-up',
      '/connections',
      '/connections/test',
      '/connections/{id}',
      '/connections/{id}/databases',
      '/connections/{id}/databases/{database}/tables',
      '/connections/{id}/databases/{database}/tables/{table}/columns',
      '/connections/{id}/databases/{database}/tables/{table}/columns/{column}',
      '/connections/{id}/sync',
      '/connections/{id}/syncs',
      '/connections/{id}/test',
      '/dashboard',
      '/databases',
      '/databases/{databaseId}',
      '/health',
      '/health/live',
      '/health/ready',
      '/schemas',
      '/schemas/import',
      '/schemas/validate',
      '/schemas/{id}',
      '/schemas/{id}/database',
      '/schemas/{id}/database/credentials',
      '/schemas/{id}/database/credentials/rotate',
      '/schemas/{id}/database/events',
      '/schemas/{id}/database/migrate',
      '/schemas/{id}/database/regenerate',
      '/schemas/{id}/database/retry',
      '/schemas/{id}/database/status',
      '/schemas/{id}/diff',
      '/schemas/{id}/export/sql',
      '/schemas/{id}/versions',
      '/schemas/{id}/versions/{version}',
    ]);
    expect(response.json().servers).toEqual([{ url: '/api/v1' }]);
    const put = response.json().paths['/schemas/{id}'].put;
    expect(Object.keys(put.responses)).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '409',
      '412',
      '413',
      '415',
      '422',
      '429',
      '500',
    ]);
    expect(put.responses['412'].description).toBe(
      `\`PRECONDITION_FAILED\`: ${ERROR_CODE_MEANINGS.PRECONDITION_FAILED}`,
    );
    expect(put.responses['409']).toEqual({
      description: `\`VERSION_CONFLICT\`: ${ERROR_CODE_MEANINGS.VERSION_CONFLICT} \`DUPLICATE_NAME\`: ${ERROR_CODE_MEANINGS.DUPLICATE_NAME}`,
      content: {
        'application/json': {
          schema: { $ref: '#/components/schemas/ErrorBody' },
          example: { error: expect.objectContaining({ code: 'VERSION_CONFLICT' }) },
        },
      },
    });
    expect(response.json().components.schemas.Schema.properties.definition).toEqual({
      $ref: '#/components/schemas/DesignDocument',
    });
    expect(response.json().components.schemas.DesignDocument.properties.tables.type).toBe('array');
  });

  test('serves an interactive docs page', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });
});

describe('success statuses in the API documentation', () => {
  test.each([
    ['/schemas', 'post', ['201']],
    ['/schemas/import', 'post', ['201']],
    ['/connections', 'post', ['201']],
    ['/api-keys', 'post', ['201']],
    ['/auth/sign-up', 'post', ['201']],
    ['/auth/browser/sign-up', 'post', ['201']],
    ['/schemas/{id}/database', 'post', ['202']],
    // 200 when nothing was queued: a dry run, or the database is already at that version.
    ['/schemas/{id}/database/migrate', 'post', ['200', '202']],
    ['/schemas/{id}/database/status', 'get', ['200']],
  ])('%s %s is documented as %j', async (path, method, statuses) => {
    const document = (await h.request('GET', '/api/v1/openapi.json')).json();
    expect(Object.keys(document.paths[path][method].responses).filter((code) => code < '400')).toEqual(
      statuses,
    );
  });
});

describe('Location in the API documentation', () => {
  test.each([
    ['/schemas', 'post', '201'],
    ['/api-keys', 'post', '201'],
    ['/schemas/{id}/database', 'post', '202'],
  ])('%s %s documents the Location header of its %s', async (path, method, status) => {
    const document = (await h.request('GET', '/api/v1/openapi.json')).json();
    expect(document.paths[path][method].responses[status].headers.Location).toMatchObject({
      schema: { type: 'string' },
    });
  });
});
