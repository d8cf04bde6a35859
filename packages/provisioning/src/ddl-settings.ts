import { postgresLocalSettings } from '@schema-builder/schema-model/ddl';
import type postgres from 'postgres';

/**
 * Sets, for the rest of the transaction, the session settings the design's SQL relies on: the
 * same ones a generated script opens with (search path `public, pg_temp`, standard_conforming_strings,
 * time zone, …), so what a provisioned database holds does not depend on defaults an ALTER ROLE or
 * ALTER DATABASE gave its role or database. Set even though the create script sets them itself:
 * migration steps carry no settings, and a job queued before scripts did still runs.
 */
export async function setDdlSettings(tx: postgres.TransactionSql): Promise<void> {
  // One simple query, no parameters: every value comes from the fixed list.
  await tx.unsafe(postgresLocalSettings().join('\n'));
}
