import type { Resolver } from 'react-hook-form';
import { expect, test, vi } from 'vitest';
import { deferredResolver } from './deferred-resolver.ts';

type Fields = { email: string };
const options = { fields: {}, shouldUseNativeValidation: false } as Parameters<Resolver<Fields>>[2];
const accepting: Resolver<Fields> = async (values) => ({ values, errors: {} });

test('the validation code is fetched once, on preload or first use, and shared after', async () => {
  const load = vi.fn(async () => accepting);
  const { resolver, preload } = deferredResolver(load);
  expect(load).not.toHaveBeenCalled();
  preload();
  preload();
  expect(await resolver({ email: 'a@b.test' }, undefined, options)).toEqual({
    values: { email: 'a@b.test' },
    errors: {},
  });
  expect(load).toHaveBeenCalledOnce();
});

test('a failed fetch is tried again at the next validation', async () => {
  const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(accepting);
  const { resolver, preload } = deferredResolver<Fields, Fields>(load);
  preload();
  await expect(resolver({ email: 'x' }, undefined, options)).rejects.toThrow('offline');
  await expect(resolver({ email: 'x' }, undefined, options)).resolves.toMatchObject({ errors: {} });
  expect(load).toHaveBeenCalledTimes(2);
});
