import { readFileSync } from 'node:fs';
import { DATABASE_OPERATIONS, DATABASE_STATUSES, type DatabaseStatus } from '@schema-builder/db';
import { describe, expect, test } from 'vitest';
import {
  canStart,
  FINAL_STATUS,
  JOB_PHASES,
  lifecycleTransitions,
  OPERATION_LIFECYCLE,
  RETRYABLE_STATUS,
  STATUS_TRAITS,
  statusAfter,
  statusesWhere,
  type Transition,
} from './lifecycle.ts';

const transitions = lifecycleTransitions();
const settled = DATABASE_STATUSES.filter((status) => !STATUS_TRAITS[status].inFlight);

/** The statuses reachable from `start` by the transitions. */
function reachableFrom(start: DatabaseStatus | null): Set<DatabaseStatus> {
  const seen = new Set<DatabaseStatus>();
  const queue: Array<DatabaseStatus | null> = [start];
  for (let current = queue.shift(); current !== undefined; current = queue.shift())
    for (const { to } of transitions.filter((transition) => transition.from === current))
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
  return seen;
}

describe('the lifecycle tables', () => {
  test('name every status and every operation, and nothing else', () => {
    expect(Object.keys(STATUS_TRAITS).sort()).toEqual([...DATABASE_STATUSES].sort());
    expect(Object.keys(OPERATION_LIFECYCLE).sort()).toEqual([...DATABASE_OPERATIONS].sort());
  });

  test('every status is reached from a new row, and leads to the final one', () => {
    expect([...reachableFrom(null)].sort()).toEqual([...DATABASE_STATUSES].sort());
    for (const status of DATABASE_STATUSES)
      if (status !== FINAL_STATUS) expect(reachableFrom(status), status).toContain(FINAL_STATUS);
  });

  test('nothing leaves the final status, and only the final status is final', () => {
    expect(statusesWhere('final')).toEqual([FINAL_STATUS]);
    expect(transitions.filter((transition) => transition.from === FINAL_STATUS)).toEqual([]);
    for (const operation of DATABASE_OPERATIONS) expect(canStart(operation, FINAL_STATUS)).toBe(false);
  });

  test('a status is in flight exactly when some job is queued or running in it', () => {
    const whileJobs = new Set<DatabaseStatus>();
    for (const operation of DATABASE_OPERATIONS)
      for (const from of operation === 'provision' ? [null] : OPERATION_LIFECYCLE[operation].from) {
        const queued = statusAfter(operation, 'queued', from ?? OPERATION_LIFECYCLE.provision.queued);
        whileJobs.add(queued).add(statusAfter(operation, 'running', queued));
      }
    const inFlight = statusesWhere('inFlight');
    // A rotation runs in a settled status (the database stays usable): those are in both.
    expect(inFlight.every((status) => whileJobs.has(status))).toBe(true);
    expect([...whileJobs].filter((status) => !inFlight.includes(status)).sort()).toEqual(
      [...OPERATION_LIFECYCLE.rotate.from].sort(),
    );
  });

  test('an operation starts from settled statuses only, and every job ends in one', () => {
    for (const operation of DATABASE_OPERATIONS)
      for (const from of OPERATION_LIFECYCLE[operation].from) expect(settled, operation).toContain(from);
    const endings = transitions.filter(({ via }) => / (done|failed)$/.test(via));
    expect(endings.length).toBeGreaterThan(0);
    for (const { to, via } of endings) expect(settled, via).toContain(to);
  });

  test('every phase of every operation gives a status', () => {
    for (const operation of DATABASE_OPERATIONS)
      for (const phase of JOB_PHASES)
        for (const current of DATABASE_STATUSES)
          expect(DATABASE_STATUSES).toContain(statusAfter(operation, phase, current));
  });

  test('a rotation leaves the status as it was; a retry runs the failed operation again', () => {
    for (const status of OPERATION_LIFECYCLE.rotate.from)
      for (const phase of JOB_PHASES) expect(statusAfter('rotate', phase, status)).toBe(status);
    const retries = transitions.filter((transition) => transition.via.startsWith('retry'));
    expect(retries.map(({ from, to, via }) => `${from} → ${to}: ${via}`).sort()).toEqual([
      'failed → dropping: retry drop',
      'failed → pending: retry provision',
      'failed → pending: retry regenerate',
    ]);
    expect(retries.every((transition) => transition.from === RETRYABLE_STATUS)).toBe(true);
  });

  test('dead rows (whose leftovers the reconciler drops) are the failed and the dropped ones', () => {
    expect(statusesWhere('dead').sort()).toEqual(['dropped', 'failed']);
  });
});

/**
 * The diagram of docs/provisioning.md, as the transitions draw it: one arrow per pair of statuses with its
 * reasons joined, in the order of DATABASE_STATUSES; a loop (a rotation) by its operation alone.
 */
function mermaid(all: readonly Transition[]): string {
  const order = (status: DatabaseStatus | null) => (status === null ? -1 : DATABASE_STATUSES.indexOf(status));
  const sorted = [...all].sort((a, b) => order(a.from) - order(b.from) || order(a.to) - order(b.to));
  const arrows = new Map<string, string[]>();
  for (const { from, to, via } of sorted) {
    if (from === to && !(DATABASE_OPERATIONS as readonly string[]).includes(via)) continue;
    const key = `${from ?? '[*]'} --> ${to}`;
    const reasons = arrows.get(key) ?? [];
    if (!reasons.includes(via)) reasons.push(via);
    arrows.set(key, reasons);
  }
  const lines = [...arrows].map(([arrow, reasons]) => `  ${arrow} : ${reasons.join(', ')}`);
  return ['stateDiagram-v2', ...lines, `  ${FINAL_STATUS} --> [*]`].join('\n');
}

test("docs/provisioning.md's state diagram is the lifecycle's", () => {
  const page = readFileSync(new URL('../../../../../docs/provisioning.md', import.meta.url), 'utf8');
  const drawn = /```mermaid\n(stateDiagram-v2\n[\s\S]*?)\n```/.exec(page)?.[1];
  expect(drawn).toBe(mermaid(transitions));
});
