import { quoteIdent } from '@schema-builder/schema-model/sql';
import type { TargetSession } from '../session.ts';

/**
 * The databases every server has that PUBLIC may connect to by default: the maintenance
 * database, template1, and the admin URL's own database (in a single-server deployment, the
 * metadata database). Without this a design's role could log in there and read whatever PUBLIC
 * can (catalogs of every database's owner, other roles' names, the metadata tables' grants).
 */
const SHARED_DATABASES = ['postgres', 'template1'];

/**
 * Part of the restrict step: revokes CONNECT and TEMPORARY from PUBLIC on the shared databases
 * that exist and still grant them. Idempotent and read-first, so a retry, or the next design's
 * provisioning, changes nothing. Only databases the admin may change are touched (it is a
 * superuser or a member of their owner); on a managed server the provider's own databases are
 * left as they are. Roles other than the admin that connect to these databases need an explicit
 * GRANT CONNECT from now on; other databases on the server must revoke PUBLIC's CONNECT themselves.
 */
export async function closeSharedDatabases(session: TargetSession): Promise<void> {
  await session.admin.begin(async (tx) => {
    // Concurrent jobs would update the same pg_database rows ("tuple concurrently updated").
    // Our admin connections all live in the admin URL's database, where this lock is taken.
    await tx`SELECT pg_advisory_xact_lock(hashtextextended('schema-builder:shared-databases', 0))`;
    const open = await tx<{ name: string }[]>`
      SELECT d.datname AS name
      FROM pg_database d
      WHERE (d.datname = ANY(${SHARED_DATABASES}::text[]) OR d.datname = current_database())
        AND (has_database_privilege('public', d.oid, 'CONNECT')
             OR has_database_privilege('public', d.oid, 'TEMPORARY'))
        AND ((SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
             OR pg_has_role(current_user, d.datdba, 'MEMBER'))
      ORDER BY 1`;
    for (const { name } of open)
      await tx.unsafe(`REVOKE CONNECT, TEMPORARY ON DATABASE ${quoteIdent(name)} FROM PUBLIC`);
  });
}
