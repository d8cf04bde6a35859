import { blogDesign } from '@schema-builder/testing/fixtures';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Harness } from '../test/harness.test-support.ts';
import { startHarness } from '../test/harness.test-support.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ BODY_LIMIT: '65536' });
});
afterAll(() => h.close());

const MISSING = '3f0c5b8e-8d1a-4c1e-9a57-6f1f7d0c2b11';

function expectErrorShape(body: unknown, code: string) {
  expect(body).toEqual({
    error: { code, message: expect.any(String), details: expect.any(Array), requestId: expect.any(String) },
  });
}

describe('bad input gets a 4xx with a stable code, never a 500', () => {
  test.each([
    ['malformed JSON', 'POST', '/api/v1/schemas', '{"name": ', 'application/json', 400, 'INVALID_JSON'],
    ['an empty JSON body', 'POST', '/api/v1/schemas', '', 'application/json', 400, 'INVALID_JSON'],
    [
      'a non-JSON content type',
      'POST',
      '/api/v1/schemas',
      'name=x',
      'text/plain',
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    ['a JSON array body', 'POST', '/api/v1/schemas', '[]', 'application/json', 422, 'VALIDATION_ERROR'],
    ['a bad UUID', 'GET', '/api/v1/schemas/not-a-uuid', undefined, undefined, 422, 'VALIDATION_ERROR'],
    ['an unknown id', 'GET', `/api/v1/schemas/${MISSING}`, undefined, undefined, 404, 'SCHEMA_NOT_FOUND'],
    ['an unknown route', 'GET', '/api/v1/nothing-here', undefined, undefined, 404, 'ROUTE_NOT_FOUND'],
    ['an unknown top-level route', 'GET', '/nothing', undefined, undefined, 404, 'ROUTE_NOT_FOUND'],
    [
      'a missing version',
      'GET',
      `/api/v1/schemas/${MISSING}/versions/1`,
      undefined,
      undefined,
      404,
      'SCHEMA_NOT_FOUND',
    ],
    [
      'a non-numeric version',
      'GET',
      `/api/v1/schemas/${MISSING}/versions/abc`,
      undefined,
      undefined,
      422,
      'VALIDATION_ERROR',
    ],
  ])('%s', async (_name, method, url, payload, contentType, status, code) => {
    const response = await h.app.inject({
      method: method as 'GET',
      url,
      ...(payload === undefined ? {} : { payload }),
      headers: {
        authorization: `Bearer ${h.user.token}`,
        ...(contentType ? { 'content-type': contentType } : {}),
      },
    });
    expect(response.statusCode, response.body).toBe(status);
    expectErrorShape(response.json(), code);
    expect(response.json().error.requestId).toBe(response.headers['x-request-id']);
  });

  test('an oversized body gets 413 PAYLOAD_TOO_LARGE', async () => {
    const huge = { ...blogDesign, name: 'huge', description: 'x'.repeat(70_000) };
    const response = await h.request('POST', '/api/v1/schemas', huge);
    expect(response.statusCode).toBe(413);
    expectErrorShape(response.json(), 'PAYLOAD_TOO_LARGE');
  });

  test('wrong field types are reported with their JSON paths', async () => {
    const response = await h.request('POST', '/api/v1/schemas', {
      name: 'typed',
      tables: [{ id: 't', name: 't', columns: [{ id: 'c', name: 'c', dataType: 'INT', nullable: 'yes' }] }],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details).toContainEqual(
      expect.objectContaining({ path: 'tables[0].columns[0].nullable', code: 'INVALID_TYPE' }),
    );
  });

  test.each([
    ['a NUL character', { ui: { note: 'a\u0000b' } }, 'ui.note'],
    ['a lone surrogate', { ui: { canvas: { labels: ['ok', 'half \ud83d'] } } }, 'ui.canvas.labels[1]'],
  ])(
    '%s anywhere in the document is refused, not mangled or failed in the database',
    async (_name, extra, path) => {
      const response = await h.request('POST', '/api/v1/schemas', {
        ...blogDesign,
        name: 'unstorable',
        ...extra,
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().error.details[0]).toMatchObject({ path, code: 'INVALID_VALUE' });
    },
  );

  test("a caller's sane request id is echoed, an unsafe one replaced", async () => {
    const echoed = await h.app.inject({
      method: 'GET',
      url: '/nothing',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(echoed.headers['x-request-id']).toBe('abc-123');
    expect(echoed.json().error.requestId).toBe('abc-123');
    const replaced = await h.app.inject({
      method: 'GET',
      url: '/nothing',
      headers: { 'x-request-id': 'a b\n' },
    });
    expect(replaced.headers['x-request-id']).not.toBe('a b\n');
  });
});

describe('a failure inside the service', () => {
  test('is a 500 INTERNAL_ERROR that shows no SQL, stack or host', async () => {
    // Break the metadata table under the running service: the next read fails inside the driver.
    await h.services.sql`ALTER TABLE schemas RENAME TO schemas_away`;
    try {
      const response = await h.request('GET', `/api/v1/schemas/${MISSING}`);
      expect(response.statusCode).toBe(500);
      expectErrorShape(response.json(), 'INTERNAL_ERROR');
      expect(response.body).not.toMatch(/schemas_away|relation|select|stack|127\.0\.0\.1|postgres/i);
    } finally {
      await h.services.sql`ALTER TABLE schemas_away RENAME TO schemas`;
    }
  });
});
