import { z } from 'zod';
import { checkLiveness, checkReadiness } from '../../domain/health/check-health.ts';
import { errorResponses } from '../../rest/error-responses.ts';
import { publicProcedure, router } from '../trpc.ts';

const Live = z.object({ status: z.literal('ok'), uptimeSeconds: z.number() });
const Ready = Live.extend({
  checks: z.object({
    database: z.object({ status: z.literal('ok'), latencyMs: z.number() }),
    migrations: z.object({ status: z.literal('ok'), pending: z.literal(0) }),
  }),
});

/** Probes: liveness (restart me?) and readiness (send me traffic?), public, logged at debug. */
export const healthRouter = router({
  live: publicProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/health/live',
        tags: ['health'],
        summary: 'Liveness: the process answers',
        description:
          'Always 200 while the process can answer, even under pressure or with the database down: a failing liveness probe restarts the process, which would not help.',
        errorResponses: errorResponses(),
      },
    })
    .input(z.void())
    .output(Live)
    .query(({ ctx }) => checkLiveness({ startedAt: ctx.services.startedAt })),

  ready: publicProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/health/ready',
        tags: ['health'],
        summary: 'Readiness: the database answers and is migrated',
        description:
          '200 when the metadata database answers and holds every migration of this version; 503 SERVICE_UNAVAILABLE (details name the failing check: `database`, `migrations`, or `server` when the process is overloaded) otherwise.',
        errorResponses: errorResponses('SERVICE_UNAVAILABLE'),
      },
    })
    .input(z.void())
    .output(Ready)
    .query(({ ctx }) => checkReadiness({ sql: ctx.services.sql, startedAt: ctx.services.startedAt })),

  /** The first health route, kept for existing probes: the same answer as `ready`. */
  check: publicProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/health',
        tags: ['health'],
        summary: 'Readiness (alias of /health/ready)',
        description:
          'The same check and answer as `/health/ready`, kept for probes configured before it existed.',
        errorResponses: errorResponses('SERVICE_UNAVAILABLE'),
      },
    })
    .input(z.void())
    .output(Ready)
    .query(({ ctx }) => checkReadiness({ sql: ctx.services.sql, startedAt: ctx.services.startedAt })),
});
