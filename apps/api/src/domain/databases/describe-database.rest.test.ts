import { blogDesign } from '@schema-builder/testing/fixtures';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Harness } from '../../test/harness.test-support.ts';
import { startHarness } from '../../test/harness.test-support.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** A design with a database built (as the worker would leave it) from its version 1. */
async function builtDatabase(name: string) {
  const schema = (await h.request('POST', '/api/v1/schemas', { ...blogDesign, name })).json();
  const requested = await h.request('POST', `/api/v1/schemas/${schema.id}/database`);
  expect(requested.statusCode).toBe(202);
  // Not built yet: nothing to count.
  expect(requested.json()).toMatchObject({ version: null, pendingSteps: null });
  await h.services.sql`
    UPDATE databases SET status = 'ready', version = 1, job_id = NULL, ready_at = now()
    WHERE schema_id = ${schema.id}`;
  return schema.id as string;
}

async function views(schemaId: string) {
  const status = (await h.request('GET', `/api/v1/schemas/${schemaId}/database/status`)).json();
  const listed = (await h.request('GET', '/api/v1/databases?limit=100')).json();
  const inList = listed.items.find((item: { schemaId: string }) => item.schemaId === schemaId);
  return { status: status.pendingSteps, list: inList.pendingSteps };
}

describe('pendingSteps', () => {
  test('is 0 in every view when the database holds the latest version', async () => {
    const schemaId = await builtDatabase('pending-none');
    expect(await views(schemaId)).toEqual({ status: 0, list: 0 });
  });

  test('is the same count of steps in the list as in the status when the design moved on', async () => {
    const schemaId = await builtDatabase('pending-some');
    const [first, ...rest] = blogDesign.tables;
    if (!first) throw new Error('fixture has tables');
    const changed = {
      ...blogDesign,
      name: 'pending-some',
      tables: [
        { ...first, columns: [...first.columns, { id: 'nick', name: 'nickname', dataType: 'TEXT' }] },
        ...rest,
      ],
    };
    const updated = await h.request('PUT', `/api/v1/schemas/${schemaId}`, { ...changed, expectedVersion: 1 });
    expect(updated.statusCode, updated.body).toBe(200);
    const { status, list } = await views(schemaId);
    expect(status).toBeGreaterThan(0);
    expect(list).toBe(status);
  });
});
