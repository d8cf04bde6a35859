import { randomUUID } from 'node:crypto';
import { blogDesign } from '@schema-builder/testing/fixtures';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { toErrorBody } from '../../errors/to-error-body.ts';
import type { Harness } from '../../test/harness.test-support.ts';
import { startHarness } from '../../test/harness.test-support.ts';

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

  test('an unknown property is refused with its location, and nothing is stored', async () => {
    const caller = h.caller();
    const [users, ...rest] = blogDesign.tables;
    if (!users) throw new Error('fixture has tables');
    const error = await caller.schemas
      .create({
        ...blogDesign,
        name: 'trpc-typo',
        // @ts-expect-error: the design input is exact, so a typo does not compile
        tables: [{ ...users, colums: [] }, ...rest],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    expect(
      toErrorBody(error, 'test').details.map(({ code, path, message }) => ({ code, path, message })),
    ).toEqual([
      {
        code: 'UNKNOWN_PROPERTY',
        path: 'tables[0].colums',
        message: 'Tables have no property "colums"; did you mean "columns"?',
      },
    ]);
    expect((await caller.schemas.list({ search: 'trpc-typo' })).items).toEqual([]);
  });

  test('the design input types are exact for create, update and validate', async () => {
    const caller = h.caller();
    const created = await caller.schemas.create({ ...blogDesign, name: 'trpc-exact', ui: { zoom: 2 } });
    // Each call below would compile if the input type allowed any extra property.
    await expect(
      caller.schemas.update({
        ...blogDesign,
        id: created.id,
        name: 'trpc-exact',
        expectedVersion: 1,
        // @ts-expect-error: primarykey is not a property of a design
        primarykey: true,
      }),
    ).rejects.toBeInstanceOf(TRPCError);
    // @ts-expect-error: nor is canvas, which belongs in the ui bag
    await expect(caller.schemas.validate({ ...blogDesign, canvas: { zoom: 2 } })).rejects.toBeInstanceOf(
      TRPCError,
    );
    await expect(caller.schemas.get({ id: created.id })).resolves.toMatchObject({
      version: 1,
      definition: { ui: { zoom: 2 } },
    });
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
