import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { apiKeysRouter } from './routers/api-keys.ts';
import { auditRouter } from './routers/audit.ts';
import { authRouter } from './routers/auth.ts';
import { catalogRouter } from './routers/catalog.ts';
import { connectionsRouter } from './routers/connections.ts';
import { dashboardRouter } from './routers/dashboard.ts';
import { databasesRouter } from './routers/databases.ts';
import { healthRouter } from './routers/health.ts';
import { schemasRouter } from './routers/schemas.ts';
import { workerRouter } from './routers/worker.ts';
import { createCallerFactory, router } from './trpc.ts';

export const appRouter = router({
  apiKeys: apiKeysRouter,
  audit: auditRouter,
  auth: authRouter,
  catalog: catalogRouter,
  connections: connectionsRouter,
  dashboard: dashboardRouter,
  databases: databasesRouter,
  health: healthRouter,
  schemas: schemasRouter,
  worker: workerRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export const createCaller = createCallerFactory(appRouter);
