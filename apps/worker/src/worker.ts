import type { Client } from '@schema-builder/client';
import { openTarget, type TargetServer, type TargetSession } from '@schema-builder/provisioning';
import type { Logger } from 'pino';
import { type ClaimedJob, runJob } from './run-job.ts';

export interface WorkerOptions {
  client: Client;
  targets: readonly TargetServer[];
  concurrency: number;
  heartbeatSeconds: number;
  log: Logger;
  /** How long one claim waits for a job at the API. */
  claimWaitMs?: number;
}

export interface RunningWorker {
  /**
   * Stops claiming and waits (up to `timeoutMs`) for the claims in flight to answer and the jobs
   * in hand to finish. Claims are not cut short: a job the API handed out must reach a worker.
   */
  stop(timeoutMs?: number): Promise<void>;
  /** Admin sessions by target name and instance, shared with the reconciler. */
  session(target: string, instance: string): TargetSession | undefined;
}

const ERROR_BACKOFF_MS = 1000;

/** Runs `concurrency` claim loops against the API until stopped. */
export function startWorker(options: WorkerOptions): RunningWorker {
  const { client, log } = options;
  const sessions = new Map<string, TargetSession>();
  let stopping = false;

  const session = (target: string, instance: string) => {
    const key = `${target}\u0000${instance}`;
    const open = sessions.get(key);
    if (open) return open;
    const server = options.targets.find((candidate) => candidate.name === target);
    if (!server) return undefined;
    const created = openTarget(server, { instance, poolSize: options.concurrency + 1 });
    sessions.set(key, created);
    return created;
  };

  const handle = async (job: ClaimedJob) => {
    const started = Date.now();
    const jobLog = log.child({
      jobId: job.jobId,
      operation: job.operation,
      database: job.database,
      attempt: job.attempt,
    });
    jobLog.info('job claimed');
    const heartbeat = async (step?: string) => {
      const { active } = await client.worker.heartbeat.mutate({
        jobId: job.jobId,
        ...(step ? { step } : {}),
      });
      if (!active)
        jobLog.warn('job lease lost (expired and offered again); finishing anyway, the steps are idempotent');
    };
    const timer = setInterval(() => {
      heartbeat().catch((error: unknown) => jobLog.warn({ err: error }, 'heartbeat failed'));
    }, options.heartbeatSeconds * 1000);
    try {
      const target = session(job.target, job.instance);
      if (!target)
        throw new Error(`server ${job.target} is not configured on this worker (PROVISION_TARGETS)`);
      await runJob(target, job, async (step) => {
        jobLog.info({ step }, 'step done');
        await heartbeat(step);
      });
      await client.worker.complete.mutate({ jobId: job.jobId });
      jobLog.info({ ms: Date.now() - started }, 'job completed');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      jobLog.warn({ error: message }, 'job failed');
      await client.worker.fail.mutate({ jobId: job.jobId, message });
    } finally {
      clearInterval(timer);
    }
  };

  const loop = async () => {
    while (!stopping) {
      try {
        const { job } = await client.worker.claim.mutate({ waitMs: options.claimWaitMs ?? 10_000 });
        if (job) await handle(job);
      } catch (error) {
        if (stopping) return;
        log.warn({ err: error }, 'talking to the API failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, ERROR_BACKOFF_MS));
      }
    }
  };

  const loops = Array.from({ length: options.concurrency }, () => loop());
  log.info(
    { concurrency: options.concurrency, targets: options.targets.map((t) => t.name) },
    'worker started',
  );

  return {
    session,
    async stop(timeoutMs = 30_000) {
      stopping = true;
      await Promise.race([Promise.all(loops), new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
      await Promise.all([...sessions.values()].map((open) => open.close()));
    },
  };
}
