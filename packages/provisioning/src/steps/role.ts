import { quoteIdent, quotePostgresLiteral } from '@schema-builder/schema-model/sql';
import type postgres from 'postgres';
import { readRole, roleIsOurs } from '../catalog.ts';
import { isPgError, ProvisioningError, step } from '../errors.ts';
import { lockDesignObjects } from '../locks.ts';
import { designMarker } from '../markers.ts';
import { connectionLimitOf, type DatabaseRef, type ProvisionPlan } from '../plan.ts';
import { scramSha256Verifier } from '../scram.ts';
import type { TargetSession } from '../session.ts';

const DUPLICATE_ROLE = ['42710', '23505'];

function notOurs(role: string): ProvisioningError {
  return new ProvisioningError('NOT_OURS', `role ${role} exists but was not created for this design`);
}

/**
 * Step 1: the design's login role, created with its marker, password verifier and limits in one
 * transaction (so a crash leaves either nothing or a complete, marked role). On a retry the
 * role is kept and its password and limits are set again, so it converges on the plan's.
 */
export function ensureRole(session: TargetSession, plan: ProvisionPlan): Promise<void> {
  return step('create role', async () => {
    try {
      await createOrUpdateRole(session, plan);
    } catch (error) {
      // Another worker created it between our check and our CREATE: adopt it if it is ours.
      if (!isPgError(error, ...DUPLICATE_ROLE)) throw error;
      await createOrUpdateRole(session, plan);
    }
  });
}

async function createOrUpdateRole(session: TargetSession, plan: ProvisionPlan): Promise<void> {
  const role = quoteIdent(plan.role);
  const limit = connectionLimitOf(plan);
  // DDL takes no parameters: the verifier is inlined as a literal. It never appears in errors
  // (see ProvisioningError) and is a verifier, not the password.
  const password = quotePostgresLiteral(scramSha256Verifier(plan.password));
  await session.admin.begin(async (tx) => {
    await lockDesignObjects(tx, plan.database);
    const existing = await readRole(tx, plan.role);
    if (existing) {
      if (!roleIsOurs(existing, plan, session)) throw notOurs(plan.role);
      // No NOSUPERUSER here: naming that attribute in ALTER ROLE needs superuser (PG ≤ 15).
      await tx.unsafe(`ALTER ROLE ${role} WITH LOGIN NOCREATEDB NOCREATEROLE
        CONNECTION LIMIT ${limit} PASSWORD ${password}`);
      return;
    }
    await tx.unsafe(`CREATE ROLE ${role} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE
      NOREPLICATION NOBYPASSRLS CONNECTION LIMIT ${limit} PASSWORD ${password}`);
    await tx.unsafe(`COMMENT ON ROLE ${role} IS ${designMarker('role', session, plan)}`);
    await grantMembershipToAdmin(tx, role);
  });
}

/**
 * A non-superuser admin (CREATEROLE, e.g. on a managed server) must be a member of the role to
 * create a database owned by it and to SET ROLE to it for the DDL. A superuser needs nothing.
 */
async function grantMembershipToAdmin(tx: postgres.TransactionSql, role: string): Promise<void> {
  const [row] = await tx<{ superuser: boolean }[]>`
    SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user`;
  if (!row?.superuser) await tx.unsafe(`GRANT ${role} TO CURRENT_USER`);
}

/** Sets a new password (as a verifier). Open sessions keep running; new logins need the new one. */
export function rotatePassword(
  session: TargetSession,
  ref: DatabaseRef & { password: string },
): Promise<void> {
  return step('rotate password', async () => {
    const verifier = quotePostgresLiteral(scramSha256Verifier(ref.password));
    await session.admin.begin(async (tx) => {
      await lockDesignObjects(tx, ref.database);
      const existing = await readRole(tx, ref.role);
      if (!existing) throw new ProvisioningError('NOT_OURS', `role ${ref.role} does not exist`);
      if (!roleIsOurs(existing, ref, session)) throw notOurs(ref.role);
      await tx.unsafe(`ALTER ROLE ${quoteIdent(ref.role)} WITH PASSWORD ${verifier}`);
    });
  });
}

/** Drops the role if it exists and is ours; refuses an unmarked one. Its database must be gone. */
export function dropRole(session: TargetSession, ref: DatabaseRef): Promise<void> {
  return step('drop role', async () => {
    await session.admin.begin(async (tx) => {
      await lockDesignObjects(tx, ref.database);
      const existing = await readRole(tx, ref.role);
      if (!existing) return;
      if (!roleIsOurs(existing, ref, session)) throw notOurs(ref.role);
      await tx.unsafe(`DROP ROLE IF EXISTS ${quoteIdent(ref.role)}`);
    });
  });
}
