import { z } from 'zod';
import { checkHealth } from '../../domain/health/check-health.ts';
import { errorResponses } from '../../rest/error-responses.ts';
import { publicProcedure, router } from '../trpc.ts';

export const healthRouter = router({
  check: publicProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/health',
        tags: ['health'],
        summary: 'Liveness and database check',
        description:
          'Answers 200 with the metadata database latency while the API can serve requests, 503 `SERVICE_UNAVAILABLE` when that database does not answer. Needs no credentials.',
        protect: false,
        errorResponses: errorResponses('SERVICE_UNAVAILABLE'),
      },
    })
    .input(z.void())
    .output(
      z.object({
        status: z.literal('ok'),
        uptimeSeconds: z.number(),
        checks: z.object({ database: z.object({ status: z.literal('ok'), latencyMs: z.number() }) }),
      }),
    )
    .query(({ ctx }) => checkHealth({ sql: ctx.services.sql, startedAt: ctx.services.startedAt })),
});
