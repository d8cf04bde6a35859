import type { Client } from '@schema-builder/client';
import {
  type DeploymentIdentity,
  ensurePool,
  openTarget,
  ProvisioningError,
  type TargetServer,
  type TargetSession,
} from '@schema-builder/provisioning';
import type { Logger } from 'pino';
import { failureReport } from './failure-report.ts';
import { type ClaimedJob, runJob } from './run-job.ts';

export interface WorkerOptions {
  client: Client;
  targets: readonly TargetServer[];
  concurrency: number;
  heartbeatSeconds: number;
  log: Logger;
  /** How long one claim waits for a job at the API. */
  claimWaitMs?: number;
  /**
   * Unclaimed empty databases to keep on each target (the warm pool), topped up at start and
   * after each provision job, in the background. 0 (the default here) leaves the pool alone.
   */
  poolSize?: number;
}

export interface RunningWorker {
  /**
   * Stops claiming and waits (up to `timeoutMs`) for the claims in flight to answer and the jobs
   * in hand to finish. Claims are not cut short: a job the API handed out must reach a worker.
   */
  stop(timeoutMs?: number): Promise<void>;
  /** Admin sessions by target name and deployment, shared with the reconciler. */
  session(target: string, identity: DeploymentIdentity): TargetSession | undefined;
}

const ERROR_BACKOFF_MS = 1000;

/** Runs `concurrency` claim loops against the API until stopped. */
export function startWorker(options: WorkerOptions): RunningWorker {
  const { client, log } = options;
  const sessions = new Map<string, TargetSession>();
  let stopping = false;

  const keyOf = (target: string, { instance, deployment }: DeploymentIdentity) =>
    `${target}\u0000${instance}\u0000${deployment}`;
  const session = (target: string, identity: DeploymentIdentity) => {
    const key = keyOf(target, identity);
    const open = sessions.get(key);
    if (open) return open;
    const server = options.targets.find((candidate) => candidate.name === target);
    if (!server) return undefined;
    // Per job: one connection holding its job lock and one for its steps; then the reconciler's
    // two and the pool top-up's one.
    const created = openTarget(server, {
      instance: identity.instance,
      deployment: identity.deployment,
      poolSize: 2 * options.concurrency + 3,
    });
    sessions.set(key, created);
    return created;
  };

  // One top-up at a time per target and deployment; calls meanwhile ask for one more pass.
  const poolSize = options.poolSize ?? 0;
  const topUps = new Map<string, { running: Promise<void>; again: boolean }>();
  const topUp = (target: string, identity: DeploymentIdentity) => {
    if (poolSize <= 0 || stopping) return;
    const key = keyOf(target, identity);
    const current = topUps.get(key);
    if (current) {
      current.again = true;
      return;
    }
    const state = { running: Promise.resolve(), again: true };
    const run = async () => {
      while (state.again && !stopping) {
        state.again = false;
        const open = session(target, identity);
        if (!open) return;
        try {
          const { created, available } = await ensurePool(open, { size: poolSize });
          if (created.length > 0) log.info({ target, created: created.length, available }, 'pool filled');
        } catch (error) {
          log.warn(
            { err: error, target },
            'filling the warm pool failed; the next provision job tries again',
          );
        }
      }
    };
    topUps.set(key, state);
    state.running = run().finally(() => topUps.delete(key));
  };
  // The pool is per deployment: its databases carry the id the API reports (see pool.ts).
  if (poolSize > 0)
    client.worker.deployment
      .query()
      .then((identity) => {
        for (const target of options.targets) topUp(target.name, identity);
      })
      .catch((error: unknown) => log.warn({ err: error }, 'could not fill the warm pool'));

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
      const target = session(job.target, identityOf(job));
      if (!target)
        throw new ProvisioningError(
          'SERVER_ERROR',
          `server ${job.target} is not configured on this worker (PROVISION_TARGETS)`,
        );
      await runJob(target, job, async (step, detail) => {
        jobLog.info({ step, ...(detail ? { detail } : {}) }, 'step done');
        await heartbeat(step);
      });
      await client.worker.complete.mutate({ jobId: job.jobId });
      jobLog.info({ ms: Date.now() - started }, 'job completed');
    } catch (error) {
      // The log keeps the error and its causes (the server's text); the API gets the report.
      const report = failureReport(error);
      jobLog.warn({ err: error, code: report.code }, 'job failed');
      await client.worker.fail.mutate({ jobId: job.jobId, ...report });
    } finally {
      clearInterval(timer);
      // After the job has answered: the next provision job finds the pool full again.
      if (job.operation === 'provision' || job.operation === 'regenerate') topUp(job.target, identityOf(job));
    }
  };

  const loop = async () => {
    while (!stopping) {
      try {
        const waitMs = options.claimWaitMs ?? 10_000;
        const asked = Date.now();
        const { job } = await client.worker.claim.mutate({ waitMs });
        if (job) await handle(job);
        // "None" long before the wait was over: that API is shutting down; do not spin on it.
        else if (!stopping && Date.now() - asked < waitMs / 2)
          await new Promise((resolve) => setTimeout(resolve, ERROR_BACKOFF_MS));
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
      const settled = Promise.all(loops).then(() =>
        Promise.all([...topUps.values()].map((state) => state.running)),
      );
      await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
      await Promise.all([...sessions.values()].map((open) => open.close()));
    },
  };
}

function identityOf(job: ClaimedJob): DeploymentIdentity {
  return { instance: job.instance, deployment: job.deployment };
}
