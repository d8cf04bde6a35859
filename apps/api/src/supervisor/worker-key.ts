import type { Database } from '@schema-builder/db';
import { createApiKey, revokeWorkerKey } from '../domain/api-keys/api-keys.ts';

export interface WorkerKey {
  /** The secret, for the worker's WORKER_TOKEN; never logged. */
  key: string;
  id: string;
  revoke(): Promise<void>;
}

/**
 * The key of the worker `pnpm start` runs: made at start, kept across the worker's restarts (a
 * restarted worker always has a valid key), revoked when the supervisor stops.
 */
export async function createWorkerKey(db: Database): Promise<WorkerKey> {
  const { key, apiKey } = await createApiKey({
    db,
    origin: { requestId: 'supervisor' },
    userId: null,
    name: `pnpm start worker (${process.pid})`,
    scope: 'worker',
  });
  return {
    key,
    id: apiKey.id,
    revoke: () => revokeWorkerKey({ db, id: apiKey.id }),
  };
}
