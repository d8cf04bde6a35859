import type { Client } from '@schema-builder/client';
import {
  type DeploymentIdentity,
  reconcile,
  type TargetServer,
  type TargetSession,
} from '@schema-builder/provisioning';
import type { Logger } from 'pino';

export interface ReconcilerOptions {
  client: Client;
  targets: readonly TargetServer[];
  session: (target: string, identity: DeploymentIdentity) => TargetSession | undefined;
  log: Logger;
}

/** The most names one `deadDatabases` call takes (the API's limit). */
const NAMES_PER_CALL = 1000;

/**
 * One pass over every target: drops the databases and roles marked by this deployment (its name
 * and the id stored in its metadata database, as the API reports them) that the metadata records
 * as dead (what failed or crashed jobs left). Only positive evidence counts: an object the
 * metadata does not know is kept, so another installation's objects are never dropped, even with
 * the same DEPLOYMENT_ID. The API is asked after the server is listed and again before each drop.
 */
export async function reconcileTargets({ client, targets, session, log }: ReconcilerOptions): Promise<void> {
  let identity: DeploymentIdentity;
  try {
    identity = await client.worker.deployment.query();
  } catch (error) {
    log.warn({ err: error }, 'could not ask the API who this deployment is; the next pass tries again');
    return;
  }
  for (const target of targets) {
    try {
      const open = session(target.name, identity);
      if (!open) continue;
      const dead = async (names: readonly string[]) => {
        const found = new Set<string>();
        for (let start = 0; start < names.length; start += NAMES_PER_CALL) {
          const chunk = names.slice(start, start + NAMES_PER_CALL);
          const { databases } = await client.worker.deadDatabases.mutate({
            target: target.name,
            names: chunk,
          });
          for (const name of databases) found.add(name);
        }
        return found;
      };
      const result = await reconcile(open, { dead });
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
