import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { apiKeysRouter } from './routers/api-keys.ts';
import { auditRouter } from './routers/audit.ts';
import { authRouter } from './routers/auth.ts';
import { catalogRouter } from './routers/catalog.ts';
import { connectionsRouter } from './routers/connections.ts';
import { healthRouter } from './routers/health.ts';
import { schemasRouter } from './routers/schemas.ts';
import { createCallerFactory, router } from './trpc.ts';

export const appRouter = router({
  apiKeys: apiKeysRouter,
  audit: auditRouter,
  auth: authRouter,
  catalog: catalogRouter,
  connections: connectionsRouter,
  health: healthRouter,
  schemas: schemasRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export const createCaller = createCallerFactory(appRouter);
