import { z } from 'zod';
import { ClaimedJobSchema } from '../../domain/databases/job-payload.ts';
import {
  claimJob,
  completeJob,
  deadDatabases,
  failJob,
  heartbeatJob,
  MAX_CLAIM_WAIT_MS,
  WORKER_FAILURE_CODES,
} from '../../domain/databases/worker-jobs.ts';
import { router, workerProcedure } from '../trpc.ts';

const byJob = z.object({ jobId: z.uuid() });

/**
 * What provisioning workers call (tRPC only, worker keys only): take a job, keep its lease,
 * report the outcome, and learn which databases the reconciler may drop.
 */
export const workerRouter = router({
  claim: workerProcedure
    .input(z.object({ waitMs: z.number().int().min(0).max(MAX_CLAIM_WAIT_MS).default(10_000) }))
    .output(z.object({ job: ClaimedJobSchema.nullable() }))
    .mutation(async ({ ctx, input, signal }) => ({
      job: await claimJob({
        services: ctx.services,
        origin: ctx.origin,
        waitMs: input.waitMs,
        signal,
        log: ctx.log,
      }),
    })),

  heartbeat: workerProcedure
    .input(byJob.extend({ step: z.string().max(100).optional() }))
    .output(z.object({ active: z.boolean() }))
    .mutation(({ ctx, input }) =>
      heartbeatJob({ services: ctx.services, jobId: input.jobId, step: input.step }),
    ),

  complete: workerProcedure
    .input(byJob)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) =>
      completeJob({ services: ctx.services, origin: ctx.origin, jobId: input.jobId }),
    ),

  /**
   * The job failed: why as a code (and the server's SQLSTATE when it gave one), and a message
   * fit for the status endpoint — the worker keeps the server's own text in its log.
   */
  fail: workerProcedure
    .input(
      byJob.extend({
        code: z.enum(WORKER_FAILURE_CODES),
        sqlState: z
          .string()
          .regex(/^[0-9A-Z]{5}$/)
          .optional(),
        message: z.string().min(1).max(4000),
      }),
    )
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) =>
      failJob({
        services: ctx.services,
        origin: ctx.origin,
        jobId: input.jobId,
        failure: { code: input.code, sqlState: input.sqlState ?? null, message: input.message },
      }),
    ),

  /** Whose markers the worker writes and looks for: this deployment's name and generated id. */
  deployment: workerProcedure
    .output(z.object({ instance: z.string(), deployment: z.string() }))
    .query(({ ctx }) => ({ ...ctx.services.deployment })),

  /**
   * Of the names the reconciler found under this deployment's markers, those the metadata records
   * as dead (the only ones it may drop). A mutation only so that a long list travels in the body.
   */
  deadDatabases: workerProcedure
    .input(
      z.object({
        target: z.string().min(1).max(64),
        names: z.array(z.string().min(1).max(63)).max(1000),
      }),
    )
    .output(z.object({ databases: z.array(z.string()) }))
    .mutation(({ ctx, input }) =>
      deadDatabases({ services: ctx.services, target: input.target, names: input.names }),
    ),
});
