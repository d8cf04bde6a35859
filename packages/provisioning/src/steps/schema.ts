import { quoteIdent } from '@schema-builder/schema-model/sql';
import postgres from 'postgres';
import { setDdlSettings } from '../ddl-settings.ts';
import { ProvisioningError, reasonOf, step } from '../errors.ts';
import { designMarker, type Marker, markerIsFor, parseMarker } from '../markers.ts';
import type { ProvisionPlan } from '../plan.ts';
import type { TargetSession } from '../session.ts';

export type ApplyOutcome = 'applied' | 'already-applied';

/**
 * Step 4, inside the new database, in ONE transaction: hand the `public` schema to the role,
 * take it from PUBLIC, then run the design's DDL as the role (SET LOCAL ROLE, so every table,
 * type, sequence and index is owned by it) and record the applied version in the schema's
 * marker. Either all of it commits or none does; a retry that finds the marker for this version
 * does nothing, so the DDL is never applied twice.
 */
export function applyDesign(session: TargetSession, plan: ProvisionPlan): Promise<ApplyOutcome> {
  return step('apply design', () =>
    session.inDatabase(plan.database, (sql) =>
      sql.begin(async (tx): Promise<ApplyOutcome> => {
        await lockSchema(tx);
        const marker = await readSchemaMarker(tx);
        if (
          marker?.kind === 'schema' &&
          markerIsFor(marker, { ...plan, instance: session.instance, deployment: session.deployment })
        ) {
          if (marker.version === plan.version) return 'already-applied';
          throw new ProvisioningError(
            'VERSION_MISMATCH',
            `database ${plan.database} holds version ${marker.version} of the design, not ${plan.version}`,
          );
        }
        const role = quoteIdent(plan.role);
        await tx.unsafe(`ALTER SCHEMA public OWNER TO ${role}`);
        await tx.unsafe('REVOKE ALL ON SCHEMA public FROM PUBLIC');
        await tx.unsafe(`SET LOCAL ROLE ${role}`);
        await setDdlSettings(tx);
        await runDdl(tx, plan.ddl);
        const schemaMarker = designMarker('schema', session, plan, { version: plan.version });
        await tx.unsafe(`COMMENT ON SCHEMA public IS ${schemaMarker}`);
        return 'applied';
      }),
    ),
  );
}

/**
 * Serialises, until the transaction ends, everything that changes the structure of the database
 * the transaction is in (applying the design, migrating it): two workers retrying the same job
 * take turns, and the second then finds the first one's marker. Advisory locks are per database.
 */
export async function lockSchema(tx: postgres.TransactionSql): Promise<void> {
  await tx`SELECT pg_advisory_xact_lock(hashtext('schema-builder:apply'))`;
}

/** The marker on the `public` schema of the database `tx` is connected to, if any. */
export async function readSchemaMarker(tx: postgres.TransactionSql): Promise<Marker | undefined> {
  const [row] = await tx<{ comment: string | null }[]>`
    SELECT obj_description(oid, 'pg_namespace') AS comment FROM pg_namespace WHERE nspname = 'public'`;
  return parseMarker(row?.comment);
}

async function runDdl(tx: postgres.TransactionSql, ddl: string): Promise<void> {
  if (ddl.trim() === '') return;
  try {
    // No parameters: postgres.js sends it as one simple query, all statements in our transaction.
    await tx.unsafe(ddl);
  } catch (error) {
    // Where in the design's own DDL (the user's text, not the server's), and why in our words.
    const where = error instanceof postgres.PostgresError ? locate(ddl, Number(error.position)) : '';
    throw new ProvisioningError('DDL_FAILED', `the design's DDL failed${where}: ${reasonOf(error)}`, {
      cause: error,
    });
  }
}

/** " at line N (`first 80 characters of that line`)" for a 1-based character position. */
function locate(ddl: string, position: number): string {
  if (!Number.isInteger(position) || position < 1) return '';
  const before = ddl.slice(0, position - 1);
  const lineNumber = before.split('\n').length;
  const line = (ddl.split('\n')[lineNumber - 1] ?? '').trim().slice(0, 80);
  return ` at line ${lineNumber} (${line})`;
}
