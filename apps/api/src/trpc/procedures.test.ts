import { initTRPC, TRPCError } from '@trpc/server';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import type { ProcedureMeta } from '../rest/success-policy.ts';
import type { Context } from './context.ts';
import { AUTH_SCOPES, procedureAt, proceduresOf, TrpcInternalsChanged } from './procedures.ts';
import { appRouter } from './root.ts';

/**
 * The contract between tRPC and trpc/procedures.ts, the only module that reads its internals.
 * A tRPC upgrade that changes where procedures, their meta, schemas, type or call signature
 * live fails here, by name, before the REST adapter serves no routes or the wrong status.
 */

interface TestContext {
  caller: string | null;
}

const t = initTRPC.context<TestContext>().meta<ProcedureMeta>().create();
const open = t.procedure.meta({ scope: 'public' });
const signedIn = t.procedure.meta({ scope: 'user' }).use(({ ctx, next }) => {
  if (ctx.caller === null) throw new TRPCError({ code: 'UNAUTHORIZED' });
  return next({ ctx: { caller: ctx.caller } });
});

const Input = z.object({ id: z.string() });
const Output = z.object({ id: z.string(), by: z.string() });

const contractRouter = t.router({
  things: t.router({
    get: signedIn
      .meta({ rateClass: 'provision', openapi: { method: 'GET', path: '/things/{id}' } })
      .input(Input)
      .output(Output)
      .query(({ ctx, input }) => ({ id: input.id, by: ctx.caller })),
    touch: open.input(Input).mutation(({ input }) => `touched ${input.id}`),
    deep: t.router({ ping: open.query(() => 'pong') }),
  }),
  watch: open.subscription(async function* () {
    yield 1;
  }),
});

/** The entry's `call` takes our Context; the test router's context is a smaller one. */
const asContext = (ctx: TestContext) => ctx as unknown as Context;

describe('proceduresOf, over a router built with this tRPC', () => {
  const procedures = proceduresOf(contractRouter);

  test('finds every procedure of nested routers by its dotted path', () => {
    expect([...procedures.keys()].sort()).toEqual([
      'things.deep.ping',
      'things.get',
      'things.touch',
      'watch',
    ]);
  });

  test('reads each procedure type', () => {
    expect(Object.fromEntries([...procedures.values()].map(({ path, type }) => [path, type]))).toEqual({
      'things.get': 'query',
      'things.touch': 'mutation',
      'things.deep.ping': 'query',
      watch: 'subscription',
    });
  });

  test("merges the base builder's meta with the procedure's own", () => {
    expect(procedureAt(contractRouter, 'things.get').meta).toEqual({
      scope: 'user',
      rateClass: 'provision',
      openapi: { method: 'GET', path: '/things/{id}' },
    });
    expect(procedureAt(contractRouter, 'things.get').scope).toBe('user');
    expect(procedureAt(contractRouter, 'things.touch').scope).toBe('public');
  });

  test('keeps the very schemas given to .input() and .output()', () => {
    expect(procedureAt(contractRouter, 'things.get').input).toBe(Input);
    expect(procedureAt(contractRouter, 'things.get').output).toBe(Output);
    expect(procedureAt(contractRouter, 'things.deep.ping').input).toBeUndefined();
    expect(procedureAt(contractRouter, 'things.deep.ping').output).toBeUndefined();
  });

  test('calls a procedure through its middlewares and input parsing, as the caller would', async () => {
    const get = procedureAt(contractRouter, 'things.get');
    await expect(get.call(asContext({ caller: 'ada' }), { id: 'a1' })).resolves.toEqual({
      id: 'a1',
      by: 'ada',
    });
    await expect(get.call(asContext({ caller: null }), { id: 'a1' })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await expect(get.call(asContext({ caller: 'ada' }), { id: 7 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(
      procedureAt(contractRouter, 'things.touch').call(asContext({ caller: null }), { id: 'b2' }),
    ).resolves.toBe('touched b2');
  });
});

describe('what proceduresOf refuses', () => {
  test('a router whose internals no longer hold a procedure record', () => {
    expect(() => proceduresOf({ _def: { record: {} } })).toThrow(TrpcInternalsChanged);
  });

  test('a procedure built without one of the base builders (no auth scope)', () => {
    const bare = t.router({ loose: t.procedure.query(() => 1) });
    expect(() => proceduresOf(bare)).toThrow(/loose has no auth scope/);
  });
});

test('every procedure of the app has an auth scope, from its base builder', () => {
  const scopes = [...proceduresOf(appRouter).values()].map(({ scope }) => scope);
  expect(scopes.length).toBeGreaterThan(40);
  for (const scope of scopes) expect(AUTH_SCOPES).toContain(scope);
  expect(new Set(scopes)).toEqual(new Set(AUTH_SCOPES));
});
