import { quoteIdent } from '@schema-builder/schema-model';
import { blogDesign } from '@schema-builder/testing/fixtures';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { whileJobRuns } from './locks.ts';
import type { ProvisionPlan } from './plan.ts';
import { provision, provisionSteps } from './provision.ts';
import { reconcile } from './reconcile.ts';
import { openTarget, type TargetSession } from './session.ts';
import { openTestServer, type TestServer } from './test-support.ts';

let server: TestServer;
let otherDeployment: TargetSession;
let plans: Record<'known' | 'orphan' | 'halfDone' | 'otherDeployments', ProvisionPlan>;
let unmarked = '';

beforeAll(async () => {
  server = openTestServer();
  otherDeployment = openTarget(server.session.target, { instance: `other-${server.prefix}` });
  const empty = { ddl: '' };
  plans = {
    known: server.plan(blogDesign, empty),
    orphan: server.plan(blogDesign, empty),
    halfDone: server.plan(blogDesign, empty),
    otherDeployments: server.plan(blogDesign, empty),
  };
  await provision(server.session, plans.known);
  await provision(server.session, plans.orphan);
  // A job that crashed after creating its role, and whose metadata row is gone.
  await provisionSteps[0]?.run(server.session, plans.halfDone);
  await provision(otherDeployment, plans.otherDeployments);
  // Someone else's database and role, named like ours but unmarked.
  unmarked = `${server.prefix}_unmarked`;
  await server.session.admin.unsafe(`CREATE ROLE ${quoteIdent(unmarked)} LOGIN`);
  await server.session.admin.unsafe(`CREATE DATABASE ${quoteIdent(unmarked)} OWNER ${quoteIdent(unmarked)}`);
});
afterAll(async () => {
  await otherDeployment?.close();
  await server?.cleanup();
});

describe('reconcile', () => {
  test('leaves objects younger than minAgeMs alone', async () => {
    const result = await reconcile(server.session, { known: new Set(), minAgeMs: 60 * 60_000 });
    expect(result).toEqual({ droppedDatabases: [], droppedRoles: [], failures: [], skipped: [] });
  });

  test('removes marked objects no metadata row owns, and nothing else', async () => {
    const known = async () => new Set([plans.known.database]);
    const result = await reconcile(server.session, { known });
    expect(result).toEqual({
      droppedDatabases: [plans.orphan.database],
      droppedRoles: [plans.halfDone.role, plans.orphan.role].sort(),
      failures: [],
      skipped: [],
    });

    const left = await server.existing();
    const survivors = [plans.known.database, plans.otherDeployments.database, unmarked].sort();
    expect(left.databases).toEqual(survivors);
    expect(left.roles).toEqual([plans.known.role, plans.otherDeployments.role, unmarked].sort());
  });

  test('is idempotent: a second run finds nothing more to do', async () => {
    const result = await reconcile(server.session, { known: new Set([plans.known.database]) });
    expect(result).toEqual({ droppedDatabases: [], droppedRoles: [], failures: [], skipped: [] });
  });
});

describe('reconcile beside jobs', () => {
  let busy: ProvisionPlan;
  let claimed: ProvisionPlan;
  const onlyKnown = async () => new Set([plans.known.database]);
  beforeAll(async () => {
    busy = server.plan(blogDesign, { ddl: '' });
    claimed = server.plan(blogDesign, { ddl: '' });
    await provision(server.session, busy);
    await provision(server.session, claimed);
  });

  test('leaves an orphan alone while a job of its design runs, and drops it once the job is over', async () => {
    let finishJob = () => {};
    const jobDone = new Promise<void>((resolve) => {
      finishJob = resolve;
    });
    let job: Promise<void> = Promise.resolve();
    await new Promise<void>((started) => {
      job = whileJobRuns(server.session, busy.database, () => {
        started();
        return jobDone;
      });
    });
    const known = async () => new Set([plans.known.database, claimed.database]);
    expect(await reconcile(server.session, { known })).toEqual({
      droppedDatabases: [],
      droppedRoles: [],
      failures: [],
      skipped: [busy.database, busy.role],
    });
    finishJob();
    await job;
    expect(await reconcile(server.session, { known })).toEqual({
      droppedDatabases: [busy.database],
      droppedRoles: [busy.role],
      failures: [],
      skipped: [],
    });
  });

  test('keeps an orphan the metadata claims after the server was listed (a retry queued meanwhile)', async () => {
    let calls = 0;
    // The first answer is read right after listing the server; a retry lands before the drop.
    const known = async () => {
      calls += 1;
      return calls === 1 ? onlyKnown() : new Set([plans.known.database, claimed.database]);
    };
    expect(await reconcile(server.session, { known })).toEqual({
      droppedDatabases: [],
      droppedRoles: [],
      failures: [],
      skipped: [claimed.database, claimed.role],
    });
    const left = await server.existing();
    expect(left.databases).toContain(claimed.database);
    expect(left.roles).toContain(claimed.role);
  });
});
