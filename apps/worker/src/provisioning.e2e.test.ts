import { blogDesign } from '@schema-builder/testing/fixtures';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestStack, type TestStack } from './test-stack.ts';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
  await stack.startWorker();
});
afterAll(() => stack.close());

describe('provisioning through the API and a worker', () => {
  test('a design becomes a ready database whose catalog matches it', async () => {
    const created = await stack.h.request('POST', '/api/v1/schemas', { ...blogDesign, name: 'e2e blog' });
    const schemaId: string = created.json().id;
    const requested = await stack.h.request('POST', `/api/v1/schemas/${schemaId}/database`);
    expect(requested.statusCode).toBe(202);
    expect(requested.json()).toMatchObject({ status: 'pending', busy: true, version: null });

    const status = await stack.waitFor(schemaId, ['ready', 'failed']);
    expect(status).toMatchObject({
      status: 'ready',
      version: 1,
      catalog: { reachable: true, exists: true, matchesDesign: true, mismatches: [] },
    });
  });
});
