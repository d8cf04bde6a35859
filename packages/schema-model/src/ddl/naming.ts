import { LIMITS } from '../design/data-types.ts';
import type { Design } from '../design/model.ts';
import type { DesignIndex } from './design-index.ts';

/**
 * Names the generator makes up: primary-key, unique and foreign-key constraints, unnamed indexes,
 * and identity sequences when PostgreSQL's own choice would clash. PostgreSQL's conventions
 * (`users_pkey`, `users_email_key`, `posts_author_id_fkey`), fitted to the 63-byte identifier
 * limit and kept clear of every other name in the same namespace:
 * - relations (per schema): tables, indexes, and primary-key/unique constraints (they are indexes);
 * - constraints (per table): primary-key, unique and foreign-key constraints;
 * - types (per schema): enums, and the row types of tables and sequences. The generator names
 *   neither tables nor enums, but an identity sequence must not take an enum's name.
 */

export const MAX_IDENTIFIER_BYTES: number = LIMITS.identifierBytes;

const HASH_LENGTH = 7; // 2^32 in base 36 is 7 digits

/**
 * UTF-8 bytes of the character at `i`: 1–3 for one UTF-16 unit, 4 for a surrogate pair (which
 * spans two units); a lone surrogate counts 3, as TextEncoder writes U+FFFD for it.
 */
function charBytes(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  if (unit < 0x80) return 1;
  if (unit < 0x800) return 2;
  if (unit >= 0xd800 && unit <= 0xdbff) {
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return 4;
  }
  return 3;
}

/** UTF-8 byte length, counted without allocating. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const n = charBytes(text, i);
    bytes += n;
    if (n === 4) i++;
  }
  return bytes;
}

/** The longest prefix of `text` of at most `maxBytes` UTF-8 bytes, cut between code points. */
export function truncateUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let i = 0;
  while (i < text.length) {
    const n = charBytes(text, i);
    if (bytes + n > maxBytes) break;
    bytes += n;
    i += n === 4 ? 2 : 1;
  }
  return text.slice(0, i);
}

/** FNV-1a (32 bit) over the UTF-8 bytes of `text`, as 7 base-36 digits. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  const mix = (byte: number) => {
    hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  };
  for (const char of text) {
    let cp = char.codePointAt(0) ?? 0;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) mix(cp);
    else if (cp < 0x800) {
      mix(0xc0 | (cp >> 6));
      mix(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      mix(0xe0 | (cp >> 12));
      mix(0x80 | ((cp >> 6) & 0x3f));
      mix(0x80 | (cp & 0x3f));
    } else {
      mix(0xf0 | (cp >> 18));
      mix(0x80 | ((cp >> 12) & 0x3f));
      mix(0x80 | ((cp >> 6) & 0x3f));
      mix(0x80 | (cp & 0x3f));
    }
  }
  return hash.toString(36).padStart(HASH_LENGTH, '0');
}

/**
 * `base + suffix` when it fits in 63 bytes; otherwise `base` cut on a character boundary, then
 * `_` and a hash of the whole `base` (so names sharing a long prefix stay distinct), then `suffix`.
 * `suffix` is short ASCII (`_1`).
 */
export function fitIdentifier(base: string, suffix = ''): string {
  const suffixBytes = utf8Length(suffix);
  if (utf8Length(base) + suffixBytes <= MAX_IDENTIFIER_BYTES) return base + suffix;
  const tag = `_${shortHash(base)}`;
  return truncateUtf8(base, MAX_IDENTIFIER_BYTES - tag.length - suffixBytes) + tag + suffix;
}

/** `fitIdentifier(base)`, or with `_1`, `_2`, … appended until `isTaken` says no. */
export function uniqueIdentifier(base: string, isTaken: (name: string) => boolean): string {
  let candidate = fitIdentifier(base);
  for (let n = 1; isTaken(candidate); n++) candidate = fitIdentifier(base, `_${n}`);
  return candidate;
}

export const primaryKeyBaseName = (table: string): string => `${table}_pkey`;
export const uniqueBaseName = (table: string, columns: readonly string[]): string =>
  `${table}_${columns.join('_')}_key`;
export const foreignKeyBaseName = (table: string, columns: readonly string[]): string =>
  `${table}_${columns.join('_')}_fkey`;
export const indexBaseName = (table: string, columns: readonly string[]): string =>
  `${table}_${columns.join('_')}_idx`;

/**
 * The name PostgreSQL itself gives an implicit object (its `makeObjectName`): `name1_name2_label`,
 * shortening the longer of the two names a byte at a time until it fits, then backing off to
 * a character boundary. Used to predict identity sequence names (`<table>_<column>_seq`).
 */
export function postgresObjectName(name1: string, name2: string, label: string): string {
  const available = MAX_IDENTIFIER_BYTES - (label.length + 2);
  let bytes1 = utf8Length(name1);
  let bytes2 = utf8Length(name2);
  while (bytes1 + bytes2 > available) {
    if (bytes1 > bytes2) bytes1--;
    else bytes2--;
  }
  return `${truncateUtf8(name1, bytes1)}_${truncateUtf8(name2, bytes2)}_${label}`;
}

export interface TableNames {
  primaryKey?: string;
  /** Column id → name of its single-column UNIQUE constraint. */
  uniques: Map<string, string>;
  /** Parallel to `table.indexes`: the user's name, or a generated one when it is blank. */
  indexes: string[];
  /** Column id → explicit identity sequence name, only where PostgreSQL's default would clash. */
  identitySequences: Map<string, string>;
}

export interface DesignNames {
  /** Parallel to `design.tables`. */
  tables: TableNames[];
  /** Parallel to `design.foreignKeys`. */
  foreignKeys: string[];
}

/**
 * Every name the DDL needs, deterministic for a given design: user names are reserved first,
 * then names are generated table by table in document order, then foreign keys in order.
 */
export function assignNames(design: Design, index: DesignIndex): DesignNames {
  // Relations and types are per schema: names are kept under `schemaId \0 name` (the default
  // schema's plain), so a design without schemas names exactly as before.
  const at = (schemaId: string | undefined, name: string) =>
    schemaId === undefined ? name : `${schemaId}\u0000${name}`;
  const enumNames = new Set(design.enums.map((e) => at(e.schemaId, e.name)));
  const relations = new Set<string>();
  for (const table of design.tables) relations.add(at(table.schemaId, table.name));
  // Views are relations too (created in the default schema): generated names keep clear of them.
  for (const view of design.views ?? []) relations.add(view.name);
  for (const table of design.tables) {
    for (const idx of table.indexes) if (idx.name.trim() !== '') relations.add(at(table.schemaId, idx.name));
  }

  const constraintsByTable = new Map<string, Set<string>>();
  const constraintsOf = (tableId: string): Set<string> => {
    let names = constraintsByTable.get(tableId);
    if (!names) {
      names = new Set();
      constraintsByTable.set(tableId, names);
    }
    return names;
  };
  for (const fk of design.foreignKeys) if (fk.name) constraintsOf(fk.sourceTableId).add(fk.name);

  const tables = design.tables.map((table): TableNames => {
    const constraints = constraintsOf(table.id);
    const here = (name: string) => at(table.schemaId, name);
    const claimRelation = (base: string): string => {
      const name = uniqueIdentifier(base, (n) => relations.has(here(n)));
      relations.add(here(name));
      return name;
    };
    const claimConstraint = (base: string): string => {
      const name = uniqueIdentifier(base, (n) => relations.has(here(n)) || constraints.has(n));
      relations.add(here(name));
      constraints.add(name);
      return name;
    };

    // PostgreSQL names an identity's sequence itself, looking only at relations that already
    // exist; when that name belongs to a later relation or to an enum, name it explicitly.
    const identitySequences = new Map<string, string>();
    for (const column of table.columns) {
      if (!column.identity) continue;
      const implicit = postgresObjectName(table.name, column.name, 'seq');
      if (relations.has(here(implicit)) || enumNames.has(here(implicit))) {
        const name = uniqueIdentifier(
          `${table.name}_${column.name}_seq`,
          (n) => relations.has(here(n)) || enumNames.has(here(n)),
        );
        relations.add(here(name));
        identitySequences.set(column.id, name);
      } else {
        relations.add(here(implicit));
      }
    }

    const names: TableNames = { uniques: new Map(), indexes: [], identitySequences };
    if (table.primaryKey.length > 0) names.primaryKey = claimConstraint(primaryKeyBaseName(table.name));
    for (const column of table.columns) {
      if (column.unique)
        names.uniques.set(column.id, claimConstraint(uniqueBaseName(table.name, [column.name])));
    }
    names.indexes = table.indexes.map((idx) => {
      if (idx.name.trim() !== '') return idx.name;
      const columns = idx.columnIds.map((id) => index.column(table, id).name);
      return claimRelation(indexBaseName(table.name, columns));
    });
    return names;
  });

  const foreignKeys = design.foreignKeys.map((fk) => {
    if (fk.name) return fk.name;
    const table = index.table(fk.sourceTableId);
    const constraints = constraintsOf(fk.sourceTableId);
    const columns = fk.sourceColumnIds.map((id) => index.column(table, id).name);
    const name = uniqueIdentifier(foreignKeyBaseName(table.name, columns), (n) => constraints.has(n));
    constraints.add(name);
    return name;
  });

  return { tables, foreignKeys };
}
