import { randomUUID } from 'node:crypto';
import { quoteIdent } from '@schema-builder/schema-model/sql';
import { blogDesign } from '@schema-builder/testing/fixtures';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { whileJobRuns } from './locks.ts';
import { markerLiteral } from './markers.ts';
import type { ProvisionPlan } from './plan.ts';
import { provision, provisionSteps } from './provision.ts';
import { reconcile } from './reconcile.ts';
import { openTarget, type TargetSession } from './session.ts';
import { openTestServer, type TestServer } from './test-server.test-support.ts';

let server: TestServer;
/** Another installation with the same DEPLOYMENT_ID (both left at the default) but its own metadata. */
let sameName: TargetSession;
/** Another installation with another DEPLOYMENT_ID. */
let otherName: TargetSession;
let plans: Record<'live' | 'dead' | 'unknown' | 'halfDone' | 'sameName' | 'otherName', ProvisionPlan>;
let unmarked = '';
/** A role marked before markers carried the deployment's id (our name alone). */
let legacy = '';

/** The metadata's answer when it records `dead` as dead: only those of the names asked. */
const deadOnly =
  (...dead: string[]) =>
  async (names: readonly string[]) =>
    new Set(names.filter((name) => dead.includes(name)));

beforeAll(async () => {
  server = openTestServer();
  sameName = openTarget(server.session.target, {
    instance: server.session.instance,
    deployment: randomUUID(),
  });
  otherName = openTarget(server.session.target, {
    instance: `other-${server.prefix}`,
    deployment: randomUUID(),
  });
  const empty = { ddl: '' };
  plans = {
    live: server.plan(blogDesign, empty),
    dead: server.plan(blogDesign, empty),
    unknown: server.plan(blogDesign, empty),
    halfDone: server.plan(blogDesign, empty),
    sameName: server.plan(blogDesign, empty),
    otherName: server.plan(blogDesign, empty),
  };
  await provision(server.session, plans.live);
  await provision(server.session, plans.dead);
  await provision(server.session, plans.unknown);
  // A job that crashed after creating its role, and whose database row was then marked failed.
  await provisionSteps[0]?.run(server.session, plans.halfDone);
  await provision(sameName, plans.sameName);
  await provision(otherName, plans.otherName);
  // Someone else's database and role, named like ours but unmarked.
  unmarked = `${server.prefix}_unmarked`;
  await server.session.admin.unsafe(`CREATE ROLE ${quoteIdent(unmarked)} LOGIN`);
  await server.session.admin.unsafe(`CREATE DATABASE ${quoteIdent(unmarked)} OWNER ${quoteIdent(unmarked)}`);
  legacy = `${server.prefix}_legacy`;
  const legacyMarker = markerLiteral({
    kind: 'role',
    instance: server.session.instance,
    designId: 'design-legacy',
    database: legacy,
    createdAt: new Date().toISOString(),
  });
  await server.session.admin.unsafe(`CREATE ROLE ${quoteIdent(legacy)}`);
  await server.session.admin.unsafe(`COMMENT ON ROLE ${quoteIdent(legacy)} IS ${legacyMarker}`);
});
afterAll(async () => {
  await sameName?.close();
  await otherName?.close();
  await server?.cleanup();
});

describe('reconcile', () => {
  test('leaves objects younger than minAgeMs alone', async () => {
    const everything = async (names: readonly string[]) => new Set(names);
    const result = await reconcile(server.session, { dead: everything, minAgeMs: 60 * 60_000 });
    expect(result).toEqual({ droppedDatabases: [], droppedRoles: [], failures: [], skipped: [] });
  });

  test('leaves its own objects alone when the metadata has no evidence that they are dead', async () => {
    const asked: string[] = [];
    const nothingRecorded = async (names: readonly string[]) => {
      asked.push(...names);
      return new Set<string>();
    };
    const result = await reconcile(server.session, { dead: nothingRecorded });
    expect(result).toEqual({ droppedDatabases: [], droppedRoles: [], failures: [], skipped: [] });
    expect(asked).toContain(plans.unknown.database);
    const left = await server.existing();
    expect(left.databases).toContain(plans.unknown.database);
    expect(left.roles).toEqual(expect.arrayContaining([plans.unknown.role, plans.halfDone.role, legacy]));
  });

  test('never asks about nor touches another deployment, even one with the same DEPLOYMENT_ID', async () => {
    const asked: string[] = [];
    // A metadata database that would call anything dead (one restored from an old backup, say).
    const everything = async (names: readonly string[]) => {
      asked.push(...names);
      return new Set(names.filter((name) => name !== plans.live.database && name !== plans.unknown.database));
    };
    await reconcile(server.session, { dead: everything, minAgeMs: 60 * 60_000 });
    expect(asked).not.toContain(plans.sameName.database);
    expect(asked).not.toContain(plans.otherName.database);
    expect(asked).not.toContain(unmarked);
  });

  test('drops what the metadata records as dead, markers older than the id included, and nothing else', async () => {
    const dead = deadOnly(plans.dead.database, plans.halfDone.database, legacy);
    const result = await reconcile(server.session, { dead });
    expect(result).toEqual({
      droppedDatabases: [plans.dead.database],
      droppedRoles: [plans.dead.role, plans.halfDone.role, legacy].sort(),
      failures: [],
      skipped: [],
    });

    const left = await server.existing();
    const survivors = [plans.live, plans.unknown, plans.sameName, plans.otherName];
    expect(left.databases).toEqual([...survivors.map((plan) => plan.database), unmarked].sort());
    expect(left.roles).toEqual([...survivors.map((plan) => plan.role), unmarked].sort());
  });

  test('is idempotent: a second run finds nothing more to do', async () => {
    const dead = deadOnly(plans.dead.database, plans.halfDone.database, legacy);
    const result = await reconcile(server.session, { dead });
    expect(result).toEqual({ droppedDatabases: [], droppedRoles: [], failures: [], skipped: [] });
  });
});

describe('reconcile beside jobs', () => {
  let busy: ProvisionPlan;
  let claimed: ProvisionPlan;
  beforeAll(async () => {
    busy = server.plan(blogDesign, { ddl: '' });
    claimed = server.plan(blogDesign, { ddl: '' });
    await provision(server.session, busy);
    await provision(server.session, claimed);
  });

  test('leaves a dead object alone while a job of its design runs, and drops it once the job is over', async () => {
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
    const dead = deadOnly(busy.database);
    expect(await reconcile(server.session, { dead })).toEqual({
      droppedDatabases: [],
      droppedRoles: [],
      failures: [],
      skipped: [busy.database, busy.role],
    });
    finishJob();
    await job;
    expect(await reconcile(server.session, { dead })).toEqual({
      droppedDatabases: [busy.database],
      droppedRoles: [busy.role],
      failures: [],
      skipped: [],
    });
  });

  test('keeps a dead object the metadata makes live after the server was listed (a retry queued meanwhile)', async () => {
    let calls = 0;
    // The first answer is read right after listing the server; a retry lands before the drop.
    const dead = async (names: readonly string[]) => {
      calls += 1;
      return calls === 1 ? deadOnly(claimed.database)(names) : new Set<string>();
    };
    expect(await reconcile(server.session, { dead })).toEqual({
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
