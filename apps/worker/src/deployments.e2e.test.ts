import { createClient } from '@schema-builder/client';
import {
  type DeploymentIdentity,
  listPoolDatabases,
  openTarget,
  parseTargetList,
} from '@schema-builder/provisioning';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { adminUrlOf, existingOn, readyDatabase } from './e2e.test-support.ts';
import { reconcileTargets } from './reconciler.ts';
import { startTestStack, type TestStack } from './test-stack.test-support.ts';
import type { RunningWorker } from './worker.ts';

/**
 * The red team's finding: two installations with separate metadata databases on one PostgreSQL
 * server, both with DEPLOYMENT_ID left at its default. Each provisions, keeps a warm pool and
 * reconciles; neither may lose anything to the other. (Before deployments had a generated id,
 * the second one's first reconcile pass dropped every database of the first as an orphan.)
 */
interface Installation {
  stack: TestStack;
  worker: RunningWorker;
  identity: DeploymentIdentity;
  /** Its databases that must survive everything: ready, their rows live. */
  ready: { database: string; role: string }[];
  /** One database whose row says it failed (its job's cleanup was lost): its reconciler's to drop. */
  dead: { database: string; role: string };
  /** One pass of its worker's reconciler over its target. */
  reconcile: () => Promise<void>;
}

const DESIGNS = 3;
const POOL_SIZE = 2;
let a: Installation;
let b: Installation;

async function install(): Promise<Installation> {
  // `undefined`: DEPLOYMENT_ID not configured (the harness otherwise sets a random one).
  const stack = await startTestStack({ DEPLOYMENT_ID: undefined });
  const worker = await stack.startWorker(2, POOL_SIZE);
  const client = createClient({ url: stack.url, token: await stack.h.createWorkerKey(), batch: false });
  const reconcile = () =>
    reconcileTargets({
      client,
      targets: parseTargetList(stack.targets),
      session: worker.session,
      log: pino({ level: 'silent' }),
    });
  return {
    stack,
    worker,
    identity: stack.h.services.deployment,
    ready: [],
    dead: { database: '', role: '' },
    reconcile,
  };
}

/** Builds the installation's databases: DESIGNS ready ones and one whose row is then marked failed. */
async function provisionAll(installation: Installation, label: string): Promise<void> {
  for (let index = 0; index < DESIGNS; index++) {
    const { status } = await readyDatabase(installation.stack, `${label} design ${index}`);
    expect(status).toMatchObject({ status: 'ready' });
    installation.ready.push({ database: String(status.database), role: String(status.role) });
  }
  const { schemaId, status } = await readyDatabase(installation.stack, `${label} dead`);
  await installation.stack.h.services.sql`
    UPDATE databases SET status = 'failed', last_error = 'provision failed: cleanup lost'
    WHERE schema_id = ${schemaId}`;
  installation.dead = { database: String(status.database), role: String(status.role) };
}

/** The installation's unclaimed pool databases, once its worker has topped the pool up. */
async function fullPool(installation: Installation): Promise<string[]> {
  const [target] = parseTargetList(installation.stack.targets);
  if (!target) throw new Error('the stack has no target');
  const session = openTarget(target, { ...installation.identity });
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const pool = await listPoolDatabases(session);
      if (pool.length >= POOL_SIZE || Date.now() > deadline) return pool.sort();
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await session.close();
  }
}

/** Which of the installation's databases and roles (ready and dead) exist on the server. */
async function survivors(installation: Installation, of: { database: string; role: string }[]) {
  return existingOn(adminUrlOf(installation.stack, 'default'), {
    databases: of.map((names) => names.database),
    roles: of.map((names) => names.role),
  });
}

const namesOf = (of: { database: string; role: string }[]) => ({
  databases: of.map((names) => names.database).sort(),
  roles: of.map((names) => names.role).sort(),
});

beforeAll(async () => {
  a = await install();
  b = await install();
});
afterAll(async () => {
  await a?.stack.close();
  await b?.stack.close();
});

describe('two deployments with default settings on one server', () => {
  test('share the default DEPLOYMENT_ID but each has the id generated in its own metadata database', () => {
    expect(a.stack.h.services.config.DEPLOYMENT_ID).toBe('schema-builder');
    expect(b.stack.h.services.config.DEPLOYMENT_ID).toBe('schema-builder');
    expect(a.identity.instance).toBe(b.identity.instance);
    expect(a.identity.deployment).not.toBe(b.identity.deployment);
    // The same metadata database always answers with the same id (a restart, a second instance).
    expect(a.stack.h.services.targets.session('default')?.deployment).toBe(a.identity.deployment);
  });

  test("neither claims the other's warm pool while both provision", async () => {
    await provisionAll(a, 'first');
    const poolOfA = await fullPool(a);
    expect(poolOfA).toHaveLength(POOL_SIZE);
    await provisionAll(b, 'second');
    const poolOfB = await fullPool(b);
    expect(poolOfB).toHaveLength(POOL_SIZE);
    // A provisioned nothing meanwhile: B's claims and top-ups left every one of A's pool alone.
    expect(await fullPool(a)).toEqual(poolOfA);
    expect(poolOfB.filter((name) => poolOfA.includes(name))).toEqual([]);
    expect(await existingOn(adminUrlOf(a.stack, 'default'), { databases: poolOfA })).toMatchObject({
      databases: poolOfA,
    });
  });

  test("each reconciler drops only what its own metadata records as dead, never the other's", async () => {
    const everything = (installation: Installation) => [...installation.ready, installation.dead];
    const poolOfA = await fullPool(a);
    const poolOfB = await fullPool(b);

    // The second installation reconciles first, twice: none of the first's objects are dead to it.
    await b.reconcile();
    await b.reconcile();
    expect(await survivors(a, everything(a))).toEqual(namesOf(everything(a)));
    expect(await survivors(b, b.ready)).toEqual(namesOf(b.ready));
    expect(await survivors(b, [b.dead])).toEqual({ databases: [], roles: [] });

    await a.reconcile();
    await a.reconcile();
    expect(await survivors(a, a.ready)).toEqual(namesOf(a.ready));
    expect(await survivors(a, [a.dead])).toEqual({ databases: [], roles: [] });
    expect(await survivors(b, b.ready)).toEqual(namesOf(b.ready));

    // Pool maintenance went on beside it, and both pools are whole.
    expect(await fullPool(a)).toEqual(poolOfA);
    expect(await fullPool(b)).toEqual(poolOfB);
  });
});
