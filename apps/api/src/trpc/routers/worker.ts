import { z } from 'zod';
import { ClaimedJobSchema } from '../../domain/databases/job-payload.ts';
import {
  claimJob,
  completeJob,
  failJob,
  heartbeatJob,
  knownDatabases,
  MAX_CLAIM_WAIT_MS,
} from '../../domain/databases/worker-jobs.ts';
import { router, workerProcedure } from '../trpc.ts';

const byJob = z.object({ jobId: z.uuid() });

/**
 * What provisioning workers call (tRPC only, worker keys only): take a job, keep its lease,
 * report the outcome, and learn which databases the reconciler must keep.
 */
export const workerRouter = router({
  claim: workerProcedure
    .input(z.object({ waitMs: z.number().int().min(0).max(MAX_CLAIM_WAIT_MS).default(10_000) }))
    .output(z.object({ job: ClaimedJobSchema.nullable() }))
    .mutation(async ({ ctx, input, signal }) => ({
      job: await claimJob({ services: ctx.services, origin: ctx.origin, waitMs: input.waitMs, signal }),
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

  fail: workerProcedure
    .input(byJob.extend({ message: z.string().min(1).max(4000) }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) =>
      failJob({ services: ctx.services, origin: ctx.origin, jobId: input.jobId, message: input.message }),
    ),

  knownDatabases: workerProcedure
    .input(z.object({ target: z.string().min(1).max(64) }))
    .output(z.object({ instance: z.string(), databases: z.array(z.string()) }))
    .query(({ ctx, input }) => knownDatabases({ services: ctx.services, target: input.target })),
});
