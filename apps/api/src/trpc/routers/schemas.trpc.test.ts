import { randomUUID } from 'node:crypto';
import { blogDesign } from '@schema-builder/testing/fixtures';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Harness } from '../../test/harness.ts';
import { startHarness } from '../../test/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('schemas over the tRPC caller', () => {
  test('create then get returns the same resource', async () => {
    const caller = h.caller();
    const created = await caller.schemas.create({ ...blogDesign, name: 'trpc-blog' });
    expect(created.version).toBe(1);
    await expect(caller.schemas.get({ id: created.id })).resolves.toEqual(created);
  });

  test("another user's schema is not found, and stays untouched", async () => {
    const created = await h.caller().schemas.create({ ...blogDesign, name: 'trpc-private' });
    const stranger = h.caller(randomUUID());
    await expect(stranger.schemas.get({ id: created.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      stranger.schemas.update({ ...blogDesign, id: created.id, name: 'stolen', expectedVersion: 1 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(stranger.schemas.delete({ id: created.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await stranger.schemas.list({})).items).toEqual([]);
    await expect(h.caller().schemas.get({ id: created.id })).resolves.toMatchObject({ name: 'trpc-private' });
  });

  test('domain errors keep their cause and carry the app code', async () => {
    const error = await h
      .caller()
      .schemas.get({ id: randomUUID() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).cause).toMatchObject({ name: 'AppError', code: 'SCHEMA_NOT_FOUND' });
  });
});
