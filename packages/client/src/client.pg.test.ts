import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Harness } from '@schema-builder/api/testing';
import { startHarness } from '@schema-builder/api/testing';
import { blogDesign } from '@schema-builder/testing/fixtures';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createClient, ERROR_CODES, errorBodyOf, isApiError, isErrorCode } from './index.ts';

let h: Harness;
let client: ReturnType<typeof createClient>;
let baseUrl: string;

beforeAll(async () => {
  h = await startHarness();
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = h.app.server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}/`;
  client = createClient({ url: baseUrl, token: h.user.token });
});
afterAll(() => h.close());

describe('the typed client over a real port', () => {
  test('creates, reads, updates and lists a schema', async () => {
    const created = await client.schemas.create.mutate({ ...blogDesign, name: 'client-blog' });
    expect(created).toMatchObject({ name: 'client-blog', version: 1 });

    const fetched = await client.schemas.get.query({ id: created.id });
    expect(fetched.definition.tables).toHaveLength(blogDesign.tables.length);

    const updated = await client.schemas.update.mutate({
      ...blogDesign,
      id: created.id,
      name: 'client-blog',
      description: 'edited through the client',
      expectedVersion: 1,
    });
    expect(updated.version).toBe(2);

    const list = await client.schemas.list.query({ search: 'client-blog' });
    expect(list.items.map((item) => item.id)).toEqual([created.id]);

    const ddl = await client.schemas.exportSql.query({ id: created.id });
    expect(ddl.sql).toContain('CREATE TABLE');
  });

  test('failures carry the same error code as REST', async () => {
    const error = await client.schemas.get.query({ id: randomUUID() }).catch((e: unknown) => e);
    expect(errorBodyOf(error)).toMatchObject({ code: 'SCHEMA_NOT_FOUND', details: [{ path: 'id' }] });

    const invalid = await client.schemas.create
      .mutate({ name: 'bad', tables: [{ id: 't', name: '', columns: [] }] })
      .catch((e: unknown) => e);
    expect(errorBodyOf(invalid)).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(errorBodyOf(invalid)?.details.map((d) => d.path)).toContain('tables[0].name');
  });

  test('isApiError narrows a failure to the codes asked for', async () => {
    const error = await client.schemas.get.query({ id: randomUUID() }).catch((e: unknown) => e);
    expect(isApiError(error)).toBe(true);
    expect(isApiError(error, 'VERSION_CONFLICT')).toBe(false);
    expect(isApiError(error, ['VERSION_CONFLICT', 'SCHEMA_NOT_FOUND'])).toBe(true);
    if (!isApiError(error, 'SCHEMA_NOT_FOUND')) throw new Error('expected SCHEMA_NOT_FOUND');
    const code: 'SCHEMA_NOT_FOUND' = error.data.error.code;
    expect(code).toBe('SCHEMA_NOT_FOUND');

    expect(isApiError(new Error('not from the API'))).toBe(false);
    expect(errorBodyOf('a string')).toBeUndefined();
    expect(ERROR_CODES).toContain('SCHEMA_NOT_FOUND');
    expect(ERROR_CODES.every(isErrorCode)).toBe(true);
    expect(isErrorCode('SCHEMA_MISSING')).toBe(false);
  });

  test('signs up, signs in and out with a bearer token', async () => {
    const anonymous = createClient({ url: baseUrl });
    const email = `client-${randomUUID()}@example.test`;
    const password = 'a long enough password';
    const signedUp = await anonymous.auth.signUp.mutate({ email, password, name: 'Client' });
    expect(signedUp.user).toMatchObject({ email, name: 'Client' });

    const { token } = await anonymous.auth.signIn.mutate({ email, password });
    const signedIn = createClient({ url: baseUrl, token });
    await expect(signedIn.auth.me.query()).resolves.toMatchObject({ id: signedUp.user.id });
    await signedIn.auth.signOut.mutate();
    const after = await signedIn.auth.me.query().catch((e: unknown) => e);
    expect(errorBodyOf(after)).toMatchObject({ code: 'UNAUTHORIZED' });
    const unauthenticated = await anonymous.schemas.list.query({}).catch((e: unknown) => e);
    expect(errorBodyOf(unauthenticated)).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  test('health answers through the client', async () => {
    await expect(client.health.check.query()).resolves.toMatchObject({ status: 'ok' });
  });
});
