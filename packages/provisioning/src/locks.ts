import type postgres from 'postgres';

/**
 * Serialises, until the end of the current transaction, every step that changes one design's
 * role or database. Two workers running the same job at once (a retried job whose first worker
 * is only slow) would otherwise update the same catalog rows together, which PostgreSQL answers
 * with "tuple concurrently updated" (XX000) on GRANT, ALTER ROLE or COMMENT. Advisory locks are
 * released by the server when the transaction or the connection ends, crashes included.
 */
export async function lockDesignObjects(tx: postgres.TransactionSql, database: string): Promise<void> {
  await tx`SELECT pg_advisory_xact_lock(hashtextextended(${`schema-builder:${database}`}, 0))`;
}
