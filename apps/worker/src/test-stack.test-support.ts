/**
 * For this package's tests (nothing else imports it): a real API over its own metadata database,
 * listening on a port, with workers running in this process against it, on the test server.
 */
import type { Harness } from '@schema-builder/api/testing';
import { startHarness } from '@schema-builder/api/testing';
import { createClient } from '@schema-builder/client';
import {
  type DeploymentIdentity,
  openTarget,
  parseTargetList,
  removeDeployment,
  type TargetServer,
} from '@schema-builder/provisioning';
import { serverUrl } from '@schema-builder/testing/postgres';
import pino from 'pino';
import { type RunningWorker, startWorker } from './worker.ts';

export interface TestStack {
  h: Harness;
  url: string;
  /** `name=url` of the targets (the API's PROVISION_TARGETS), or the metadata server. */
  targets: string;
  /**
   * Starts one more in-process worker (stopped by `close`), with a warm pool of `poolSize`
   * databases per target (2, the worker's default; 0 for none).
   */
  startWorker: (concurrency?: number, poolSize?: number) => Promise<RunningWorker>;
  /** Polls the status endpoint until the database reaches one of `statuses` and no job is in flight. */
  waitFor: (schemaId: string, statuses: string[], timeoutMs?: number) => Promise<Record<string, unknown>>;
  /**
   * Drops every database and role this stack's deployment created (its warm pool included),
   * then closes everything.
   */
  close: () => Promise<void>;
}

export async function startTestStack(
  /** Config of the API; a key set to undefined leaves that setting at its default. */
  overrides: Partial<Record<string, string>> = {},
): Promise<TestStack> {
  const h = await startHarness(overrides);
  const url = await h.listen();
  const targets = overrides.PROVISION_TARGETS || `default=${metadataUrl(h)}`;
  const workers: RunningWorker[] = [];
  const log = pino({ level: 'silent' });

  const stack: TestStack = {
    h,
    url,
    targets,
    async startWorker(concurrency = 2, poolSize = 2) {
      const client = createClient({ url, token: await h.createWorkerKey(), batch: false });
      const worker = startWorker({
        client,
        targets: parseTargetList(targets),
        concurrency,
        heartbeatSeconds: 1,
        poolSize,
        log,
        claimWaitMs: 1000,
      });
      workers.push(worker);
      return worker;
    },
    async waitFor(schemaId, statuses, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      let last: Record<string, unknown> = {};
      while (Date.now() < deadline) {
        const response = await h.request('GET', `/api/v1/schemas/${schemaId}/database/status`);
        last = response.json();
        if (statuses.includes(String(last.status)) && last.busy === false) return last;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`database of ${schemaId} never reached ${statuses.join('/')}: ${JSON.stringify(last)}`);
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.stop(5000)));
      const problems: unknown[] = [];
      for (const target of parseTargetList(targets)) {
        try {
          await dropOwnObjects(target, h.services.deployment);
        } catch (error) {
          // A target that is down (as failure tests configure) holds nothing of ours.
          if (!isConnectionRefused(error)) problems.push(error);
        }
      }
      await h.close();
      if (problems.length > 0) throw new AggregateError(problems, 'cleaning up the target servers failed');
    },
  };
  return stack;
}

/** Drops every database and role on `target` that carries this deployment's marker. */
async function dropOwnObjects(target: TargetServer, identity: DeploymentIdentity): Promise<void> {
  const session = openTarget(target, { ...identity });
  try {
    await removeDeployment(session);
  } finally {
    await session.close();
  }
}

function isConnectionRefused(error: unknown): boolean {
  return error instanceof Error && /\bECONNREFUSED\b/.test(error.message);
}

/** The harness's metadata database URL: with no PROVISION_TARGETS it is the only target. */
function metadataUrl(h: Harness): string {
  const url = h.services.config.DATABASE_URL;
  return url ?? serverUrl();
}
