import { fitIdentifier, shortHash, uniqueIdentifier } from '../ddl/naming.ts';
import { LONE_SURROGATE } from '../validation/names.ts';
import type { ReservedKind } from '../validation/reserved-names.ts';
import { reservedReason } from '../validation/reserved-names.ts';

/**
 * Database names made into names a valid design can use. PostgreSQL names are already fine;
 * MySQL allows 64 bytes and SQLite any length, either may use a name PostgreSQL keeps for
 * itself (`xmin`, `pg_…`), and MySQL index names are unique per table rather than per schema.
 * Each change is reported by the caller with the reason given here.
 */
export interface LegalName {
  name: string;
  /** Why the name had to change; undefined when it did not. */
  reason?: string;
}

const INVISIBLE = /[\p{Cc}]/gu;

export function legalName(original: string, kind: ReservedKind | 'index' | 'constraint'): LegalName {
  let name = original.replace(INVISIBLE, '').trim();
  const reasons: string[] = [];
  if (name !== original) reasons.push('it had spaces at an end or invisible characters');
  if (LONE_SURROGATE.test(name)) {
    name = name.replace(new RegExp(LONE_SURROGATE.source, 'g'), '');
    reasons.push('it had broken characters');
  }
  if (name === '') {
    name = 'unnamed';
    reasons.push('it was empty');
  }
  const reservedKind: ReservedKind | undefined =
    kind === 'index' ? 'relation' : kind === 'constraint' ? undefined : kind;
  const reserved = reservedKind && reservedReason(name, reservedKind);
  if (reserved) {
    name = kind === 'column' ? `${name}_` : kind === 'type' ? `${name}_enum` : `imported_${name}`;
    reasons.push(`it ${reserved}`);
  }
  const fitted = fitIdentifier(name);
  if (fitted !== name) reasons.push("it was longer than PostgreSQL's 63 bytes");
  return reasons.length === 0 ? { name: fitted } : { name: fitted, reason: reasons.join(' and ') };
}

/** A set of names sharing one namespace; `claim` picks a free variant (`name_1`, …) of a legal name. */
export class Namespace {
  readonly #taken = new Set<string>();

  has(name: string): boolean {
    return this.#taken.has(name);
  }

  add(name: string): void {
    this.#taken.add(name);
  }

  /** A free name: `name`, else `name_1`, `name_2`, … also checked against `others`. */
  claim(name: string, ...others: readonly Namespace[]): string {
    const free = uniqueIdentifier(name, (n) => this.#taken.has(n) || others.some((o) => o.has(n)));
    this.#taken.add(free);
    return free;
  }
}

const MAX_ID_LENGTH = 200;

/**
 * Ids derived from names (`t_film`, `c_film_title`): the same catalog always gives the same ids,
 * so importing a database again gives ids that match the previous import. Made unique with
 * `_2`, `_3`, … in catalog order; long ones are cut and tagged with a hash.
 */
export class IdAllocator {
  readonly #taken = new Set<string>();

  claim(base: string): string {
    const clean = base.replace(/\s/g, '_');
    let id = fitId(clean, '');
    for (let n = 2; this.#taken.has(id); n++) id = fitId(clean, `_${n}`);
    this.#taken.add(id);
    return id;
  }
}

/** Ids of another schema's objects: claimed from the shared allocator as `schema.id`. */
export class PrefixedIdAllocator extends IdAllocator {
  readonly #shared: IdAllocator;
  readonly #prefix: string;

  constructor(shared: IdAllocator, prefix: string) {
    super();
    this.#shared = shared;
    this.#prefix = prefix;
  }

  override claim(base: string): string {
    return this.#shared.claim(`${this.#prefix}${base}`);
  }
}

function fitId(base: string, suffix: string): string {
  if (base.length + suffix.length <= MAX_ID_LENGTH) return base + suffix;
  const tag = `_${shortHash(base)}`;
  return base.slice(0, MAX_ID_LENGTH - tag.length - suffix.length) + tag + suffix;
}
