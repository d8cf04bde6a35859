import type { FieldValues, Resolver } from 'react-hook-form';

/**
 * A form resolver whose code (zod and the shared schema) is fetched when first needed instead of
 * with the page: the sign-in page is the first thing a visitor loads, and zod is most of its
 * weight. `preload` starts the fetch early (on the form's first focus), so by the time the user
 * submits it is there. A failed fetch is tried again at the next validation.
 */
export function deferredResolver<TFields extends FieldValues, TOutput>(
  load: () => Promise<Resolver<TFields, unknown, TOutput>>,
): { resolver: Resolver<TFields, unknown, TOutput>; preload: () => void } {
  let loading: Promise<Resolver<TFields, unknown, TOutput>> | undefined;
  const get = () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
  return {
    resolver: async (values, context, options) => (await get())(values, context, options),
    preload: () => {
      get().catch(() => {});
    },
  };
}
