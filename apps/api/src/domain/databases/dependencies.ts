import type { Database } from '@schema-builder/db';
import type { DeploymentIdentity, SecretBox } from '@schema-builder/provisioning';
import type { Metrics } from '../../metrics/metrics.ts';
import type { DatabaseEvents } from './events.ts';
import type { JobQueue } from './queue.ts';
import type { TargetRegistry } from './targets.ts';

/**
 * What the provisioned-database functions use, and nothing of the transport: the API's services
 * provide it (see services.ts), a test may pass its own. Each function asks for the part it needs.
 */
export interface DatabaseServices {
  db: Database;
  /** The worker's job queue. */
  queue: JobQueue;
  /** Seals and opens the databases' passwords. */
  secrets: SecretBox;
  /** Servers that hold provisioned databases. */
  targets: TargetRegistry;
  /** Changes of provisioned databases, for subscribers and long polls. */
  events: DatabaseEvents;
  /** This installation's identity, which the worker writes into its markers. */
  deployment: DeploymentIdentity;
  /** The job metrics the worker's calls record. */
  metrics: Pick<Metrics, 'databaseJobsAbandoned' | 'databaseJobDuration'>;
}
