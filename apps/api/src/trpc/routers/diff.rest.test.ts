import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Harness } from '../../test/harness.test-support.ts';
import { startHarness } from '../../test/harness.test-support.ts';

let h: Harness;
let schemaId: string;

const design = (nameColumn: string, flagType: string) => ({
  name: 'diffed',
  tables: [
    {
      id: 't_people',
      name: 'people',
      columns: [
        { id: 'c_id', name: 'id', dataType: 'INTEGER', primaryKey: true },
        { id: 'c_name', name: nameColumn, dataType: 'TEXT' },
        { id: 'c_flag', name: 'flag', dataType: flagType },
      ],
    },
  ],
});

beforeAll(async () => {
  h = await startHarness();
  schemaId = (await h.request('POST', '/api/v1/schemas', design('name', 'BOOLEAN'))).json().id;
  await h.request('PUT', `/api/v1/schemas/${schemaId}`, {
    ...design('full_name', 'BOOLEAN'),
    expectedVersion: 1,
  });
  await h.request('PUT', `/api/v1/schemas/${schemaId}`, {
    ...design('full_name', 'DATE'),
    expectedVersion: 2,
  });
});
afterAll(() => h.close());

describe('GET /schemas/{id}/diff', () => {
  test('a column whose id stays and name changes is a rename, with its hazard and a readable summary', async () => {
    const response = await h.request('GET', `/api/v1/schemas/${schemaId}/diff?from=1&to=2`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      fromVersion: 1,
      toVersion: 2,
      steps: [
        {
          sql: ['ALTER TABLE "people" RENAME COLUMN "name" TO "full_name";'],
          hazards: [expect.objectContaining({ code: 'BREAKS_CLIENTS' })],
        },
      ],
      hazardCounts: { BREAKS_CLIENTS: 1 },
    });
    expect(response.json().summary.join('\n')).toMatch(/full_name/);
  });

  test('the plan carries the session settings its SQL relies on, to run first', async () => {
    const response = await h.request('GET', `/api/v1/schemas/${schemaId}/diff?from=1&to=2`);
    const { preamble } = response.json();
    expect(preamble).toContain('SET standard_conforming_strings = on;');
    expect(preamble).toContain('SET search_path = "public", pg_temp;');
  });

  test('a version against itself is an empty plan', async () => {
    const response = await h.request('GET', `/api/v1/schemas/${schemaId}/diff?from=2&to=2`);
    expect(response.json()).toMatchObject({ steps: [], hazardCounts: {} });
  });

  test.each([
    ['from=1&to=9', 404, 'VERSION_NOT_FOUND', 'to'],
    ['from=7&to=1', 404, 'VERSION_NOT_FOUND', 'from'],
    ['from=0&to=1', 422, 'VALIDATION_ERROR', 'from'],
    ['to=1', 422, 'VALIDATION_ERROR', 'from'],
  ])('?%s answers %i %s at %s', async (query, status, code, path) => {
    const response = await h.request('GET', `/api/v1/schemas/${schemaId}/diff?${query}`);
    expect(response.statusCode).toBe(status);
    expect(response.json().error).toMatchObject({ code, details: [expect.objectContaining({ path })] });
  });

  test('a type change PostgreSQL cannot cast is refused with the column named, never planned as drop + add', async () => {
    const response = await h.request('GET', `/api/v1/schemas/${schemaId}/diff?from=2&to=3`);
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({
      code: 'MIGRATION_REFUSED',
      details: [expect.objectContaining({ path: 'tables.people.columns.flag', code: 'IMPOSSIBLE_CHANGE' })],
    });
  });

  test("another user's design is not found", async () => {
    const other = await h.signUp('other');
    const response = await h.request('GET', `/api/v1/schemas/${schemaId}/diff?from=1&to=2`, undefined, {
      token: other.token,
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('SCHEMA_NOT_FOUND');
  });
});
