import { uniqueIdentifier } from '../ddl/naming.ts';

/**
 * Orders renames so that none ever targets a name still held, the way PostgreSQL requires.
 * Objects hold their name in one or more namespaces (a table holds its name among relations and
 * among types). A rename waits until its target is free; when every remaining rename waits on
 * another (a swap, a cycle), one of them first moves to a temporary name. Objects that are
 * dropped later (`target` undefined) move aside only when they hold a name someone needs.
 */

export interface NamedObject {
  key: string;
  namespaces: readonly string[];
  current: string;
  /** The name it must end with; undefined: dropped later, may be moved aside. */
  target?: string;
}

export interface RenameOp {
  key: string;
  from: string;
  to: string;
  /** A move to a temporary name (out of the way of a swap, a cycle or a new object). */
  temporary: boolean;
}

/** A name a new object takes after the renames, in a namespace. */
export interface NameClaim {
  namespace: string;
  name: string;
}

export class NameConflictError extends Error {
  override name = 'NameConflictError';
}

/** Names per namespace (nested maps: designs have tens of thousands of names). */
class Slots<V> {
  readonly #byNamespace = new Map<string, Map<string, V>>();
  get(namespace: string, name: string): V | undefined {
    return this.#byNamespace.get(namespace)?.get(name);
  }
  set(namespace: string, name: string, value: V): void {
    let names = this.#byNamespace.get(namespace);
    if (!names) {
      names = new Map();
      this.#byNamespace.set(namespace, names);
    }
    names.set(name, value);
  }
  delete(namespace: string, name: string): void {
    this.#byNamespace.get(namespace)?.delete(name);
  }
}

type State = { key: string; namespaces: readonly string[]; current: string; target?: string | undefined };

export function solveRenames(objects: readonly NamedObject[], claims: readonly NameClaim[]): RenameOp[] {
  const state: State[] = objects.map((o) => ({ ...o }));
  const byKey = new Map(state.map((o) => [o.key, o]));
  const held = new Slots<string>();
  for (const o of state) for (const ns of o.namespaces) held.set(ns, o.current, o.key);
  let pending = state.filter((o) => o.target !== undefined && o.target !== o.current);
  // Names a temporary name must avoid besides those held: every name about to be taken.
  const wanted = new Slots<true>();
  for (const c of claims) wanted.set(c.namespace, c.name, true);
  for (const o of pending)
    if (o.target !== undefined) for (const ns of o.namespaces) wanted.set(ns, o.target, true);
  const ops: RenameOp[] = [];

  const holderOf = (o: State, name: string) => {
    for (const ns of o.namespaces) {
      const key = held.get(ns, name);
      if (key !== undefined && key !== o.key) return byKey.get(key);
    }
    return undefined;
  };
  const move = (o: State, to: string, temporary: boolean) => {
    for (const ns of o.namespaces) held.delete(ns, o.current);
    for (const ns of o.namespaces) held.set(ns, to, o.key);
    ops.push({ key: o.key, from: o.current, to, temporary });
    o.current = to;
  };
  const moveAside = (o: State) => {
    const taken = (name: string) =>
      o.namespaces.some((ns) => held.get(ns, name) !== undefined || wanted.get(ns, name) !== undefined);
    move(o, uniqueIdentifier(`${o.current}_old`, taken), true);
  };

  while (pending.length > 0) {
    // One pass renames everything whose target is free (in order); later passes follow chains.
    const before = pending.length;
    pending = pending.filter((o) => {
      if (o.target === undefined || holderOf(o, o.target) !== undefined) return true;
      move(o, o.target, false);
      return false;
    });
    if (pending.length < before) continue;
    // Every rename waits on another object: move one blocker aside and try again.
    const [stuck] = pending;
    const blocker = stuck?.target === undefined ? undefined : holderOf(stuck, stuck.target);
    if (!stuck || !blocker) break;
    if (!pending.includes(blocker) && blocker.target !== undefined) {
      throw new NameConflictError(
        `${stuck.key} cannot take the name ${JSON.stringify(stuck.target)}: ${blocker.key} keeps it`,
      );
    }
    moveAside(blocker);
  }

  for (const claim of claims) {
    const key = held.get(claim.namespace, claim.name);
    const holder = key === undefined ? undefined : byKey.get(key);
    if (!holder) continue;
    if (holder.target !== undefined) {
      throw new NameConflictError(
        `a new object needs the name ${JSON.stringify(claim.name)}, which ${holder.key} keeps`,
      );
    }
    moveAside(holder);
  }
  return ops;
}
