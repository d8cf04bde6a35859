import { type DataCheck, renderPostgresDataCheck } from '@schema-builder/schema-model/diff';
import { quoteIdent } from '@schema-builder/schema-model/sql';
import type postgres from 'postgres';
import { setDdlSettings } from './ddl-settings.ts';
import { isPgError, ProvisioningError, reasonOf, step } from './errors.ts';
import type { DatabaseRef } from './plan.ts';
import type { TargetSession } from './session.ts';

/** One of a migration plan's data checks, with the id of the step it guards. */
export interface DataCheckRequest {
  stepId: string;
  check: DataCheck;
}

/** What one check found in the live rows; a count above 0 means its step would fail. */
export interface DataFinding {
  stepId: string;
  kind: DataCheck['kind'];
  table: string;
  columns: string[];
  description: string;
  count: number;
}

export interface CheckDataOptions {
  /** Limit for each count query (default 30 s): a check must not hold a big table for long. */
  statementTimeoutMs?: number;
}

export const DEFAULT_CHECK_TIMEOUT_MS = 30_000;

/**
 * Counts, before a migration, the rows each data check is about (NULLs, duplicates, orphans…).
 * All checks run in ONE read-only transaction, so they see one snapshot of the data and cannot
 * change it whatever the SQL says; as the design's role, so they read nothing it could not; and
 * under a statement timeout, so an enormous table fails the check instead of hanging the job.
 */
export function checkMigrationData(
  session: TargetSession,
  ref: DatabaseRef,
  checks: readonly DataCheckRequest[],
  options: CheckDataOptions = {},
): Promise<DataFinding[]> {
  const timeout = options.statementTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  return step('check migration data', async () => {
    if (!Number.isInteger(timeout) || timeout < 1)
      throw new Error('statementTimeoutMs must be a positive integer');
    if (checks.length === 0) return [];
    return session.inDatabase(ref.database, (sql) =>
      sql.begin('read only', async (tx) => {
        // set_config instead of SET: it takes the value as a parameter; `true` = local to the transaction.
        await tx`SELECT set_config('statement_timeout', ${String(timeout)}, true)`;
        await tx.unsafe(`SET LOCAL ROLE ${quoteIdent(ref.role)}`);
        // The checks name tables unqualified, as the design does; read as the migration reads them.
        await setDdlSettings(tx);
        const findings: DataFinding[] = [];
        for (const { stepId, check } of checks) {
          findings.push({
            stepId,
            kind: check.kind,
            table: check.table,
            columns: [...check.columns],
            description: check.description,
            count: await countRows(tx, stepId, check),
          });
        }
        return findings;
      }),
    );
  });
}

async function countRows(tx: postgres.TransactionSql, stepId: string, check: DataCheck): Promise<number> {
  try {
    const [row] = await tx.unsafe<{ count: string | number }[]>(renderPostgresDataCheck(check));
    // count(*) is a bigint, which postgres.js returns as a string; row counts fit a double.
    return Number(row?.count ?? 0);
  } catch (error) {
    const outcome = isPgError(error, '57014') ? 'took longer than the statement timeout' : 'failed';
    throw new ProvisioningError(
      'SERVER_ERROR',
      `the ${check.kind} check of step ${stepId} on table ${check.table} ${outcome}: ${reasonOf(error)}`,
      { cause: error },
    );
  }
}
