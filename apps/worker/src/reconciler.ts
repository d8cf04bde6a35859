import type { Client } from '@schema-builder/client';
import { reconcile, type TargetServer, type TargetSession } from '@schema-builder/provisioning';
import type { Logger } from 'pino';

export interface ReconcilerOptions {
  client: Client;
  targets: readonly TargetServer[];
  session: (target: string, instance: string) => TargetSession | undefined;
  log: Logger;
}

/**
 * One pass over every target: drops the databases and roles this deployment marked that no
 * metadata row owns (what crashed or failed jobs left). The API is asked which names it owns
 * after the server is listed, so a database being built is never mistaken for an orphan.
 */
export async function reconcileTargets({ client, targets, session, log }: ReconcilerOptions): Promise<void> {
  for (const target of targets) {
    try {
      const { instance } = await client.worker.knownDatabases.query({ target: target.name });
      const open = session(target.name, instance);
      if (!open) continue;
      const result = await reconcile(open, {
        known: async () =>
          new Set((await client.worker.knownDatabases.query({ target: target.name })).databases),
      });
      const { droppedDatabases, droppedRoles, skipped, failures } = result;
      if ([...droppedDatabases, ...droppedRoles, ...skipped, ...failures].length > 0)
        log.info({ target: target.name, ...result }, 'reconciled');
    } catch (error) {
      log.warn({ err: error, target: target.name }, 'reconciling failed; the next pass tries again');
    }
  }
}

/** Runs `reconcileTargets` now and every `intervalSeconds`; returns a stop function. */
export function startReconciler(
  options: ReconcilerOptions & { intervalSeconds: number },
): () => Promise<void> {
  let running: Promise<void> = reconcileTargets(options);
  const timer = setInterval(() => {
    running = running.then(() => reconcileTargets(options));
  }, options.intervalSeconds * 1000);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
