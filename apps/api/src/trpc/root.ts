import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { healthRouter } from './routers/health.ts';
import { schemasRouter } from './routers/schemas.ts';
import { createCallerFactory, router } from './trpc.ts';

export const appRouter = router({
  health: healthRouter,
  schemas: schemasRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export const createCaller = createCallerFactory(appRouter);
