import { type Database, deployment } from '@schema-builder/db';
import type { DeploymentIdentity } from '@schema-builder/provisioning';

/**
 * This installation's identity: the configured DEPLOYMENT_ID (its name, which two installations
 * may share, e.g. both left at the default) and the id stored in its metadata database, generated
 * on the first start. Markers carry both, so installations with separate metadata databases on
 * one server never reconcile, claim or adopt each other's objects. Concurrent first starts agree:
 * the table holds one row, and the loser's insert does nothing.
 */
export async function loadDeploymentIdentity(db: Database, name: string): Promise<DeploymentIdentity> {
  await db.insert(deployment).values({}).onConflictDoNothing();
  const [row] = await db.select({ id: deployment.id }).from(deployment).limit(1);
  if (!row) throw new Error('the deployment row could not be created');
  return { instance: name, deployment: row.id };
}
