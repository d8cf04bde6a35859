import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ConfigSchema } from '../../env.ts';
import { createServer } from '../../server.ts';
import { connectServices } from '../../services.ts';
import type { Harness } from '../../test/harness.ts';
import { startHarness } from '../../test/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('GET /api/v1/health', () => {
  test('is 200 with a database round trip while the database answers', async () => {
    const response = await h.request('GET', '/api/v1/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', checks: { database: { status: 'ok' } } });
  });

  test('is 503 SERVICE_UNAVAILABLE when the database is down', async () => {
    // Nothing listens on port 1: every connection attempt is refused.
    const url = 'postgres://nobody@127.0.0.1:1/none';
    const { services, close } = await connectServices(
      ConfigSchema.parse({ DATABASE_URL: url, DATABASE_POOL_SIZE: '1', SECRETS_KEY: 'ab'.repeat(32) }),
      url,
      undefined,
      { startQueue: false },
    );
    const app = await createServer({ services, logger: false });
    try {
      const response = await app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(response.statusCode).toBe(503);
      expect(response.json().error).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        details: [{ path: 'database' }],
      });
      expect(response.body).not.toContain('127.0.0.1');
    } finally {
      await app.close();
      await close();
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
      '/auth/me',
      '/auth/sign-in',
      '/auth/sign-out',
      '/auth/sign-up',
      '/connections',
      '/connections/{id}',
      '/connections/{id}/databases',
      '/connections/{id}/databases/{database}/tables',
      '/connections/{id}/databases/{database}/tables/{table}/columns',
      '/connections/{id}/databases/{database}/tables/{table}/columns/{column}',
      '/connections/{id}/sync',
      '/connections/{id}/syncs',
      '/connections/{id}/test',
      '/databases',
      '/databases/{databaseId}',
      '/health',
      '/schemas',
      '/schemas/import',
      '/schemas/validate',
      '/schemas/{id}',
      '/schemas/{id}/database',
      '/schemas/{id}/database/credentials',
      '/schemas/{id}/database/credentials/rotate',
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
    expect(put.responses['412'].description).toBe('Error body with code PRECONDITION_FAILED');
    expect(put.responses['409']).toEqual({
      description: 'Error body with code VERSION_CONFLICT or DUPLICATE_NAME',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
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
