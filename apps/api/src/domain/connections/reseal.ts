import type { Database } from '@schema-builder/db';
import { connections } from '@schema-builder/db';
import type { SecretBox } from '@schema-builder/provisioning';
import { and, eq, isNotNull } from 'drizzle-orm';
import { secretAad } from './connections.ts';

/**
 * Key rotation: re-seals every stored connection secret under the current key. Idempotent —
 * secrets already under it are left as they are — so it can be rerun after an interruption.
 * Secrets that no configured key opens are listed, not fatal.
 */
export async function resealConnectionSecrets({ db, secrets }: { db: Database; secrets: SecretBox }) {
  const rows = await db
    .select({ id: connections.id, secretSealed: connections.secretSealed })
    .from(connections)
    .where(isNotNull(connections.secretSealed));
  let resealed = 0;
  const unreadable: string[] = [];
  for (const row of rows) {
    if (!row.secretSealed || !secrets.needsReseal(row.secretSealed)) continue;
    let next: string;
    try {
      next = secrets.reseal(row.secretSealed, secretAad(row.id));
    } catch {
      // Tampered, or sealed under a key no longer configured: report it, keep going.
      unreadable.push(row.id);
      continue;
    }
    // Compare-and-set: a concurrent update of the same row wins and is left alone.
    await db
      .update(connections)
      .set({ secretSealed: next })
      .where(and(eq(connections.id, row.id), eq(connections.secretSealed, row.secretSealed)));
    resealed++;
  }
  return { checked: rows.length, resealed, unreadable };
}
