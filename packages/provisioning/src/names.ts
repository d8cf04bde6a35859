import { randomBytes } from 'node:crypto';

export interface NameInput {
  /** Who owns the design: a handle, e-mail local part or id; only a short slug of it is kept. */
  owner: string;
  /** The design's name; only a slug of it is kept (it may end up empty). */
  designName: string;
  /**
   * Where the unique part comes from: a UUID (its random tail is used) or, when omitted,
   * fresh random bytes. Uniqueness is finally enforced by the metadata's unique index.
   */
  id?: string;
  /** First part of every name, `sb` by default; tests use their own so they touch nothing else. */
  prefix?: string;
}

export interface GeneratedNames {
  database: string;
  /** The login role owning the database. Roles and databases are separate namespaces in PostgreSQL, so the same name reads best. */
  role: string;
}

/** PostgreSQL's identifier limit (NAMEDATALEN - 1) in bytes; our names are ASCII, so characters. */
export const MAX_NAME_BYTES = 63;
const OWNER_MAX = 12;
const SLUG_MAX = 28;
const ID_LENGTH = 10;
const PREFIX = /^[a-z][a-z0-9]{0,9}$/;
export const GENERATED_NAME = /^[a-z][a-z0-9_]*$/;

// Letters NFKD does not decompose into ASCII, folded by hand so common names stay readable.
const FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * `text` folded to ASCII, lowercased, with every run of other characters turned into one `_`,
 * trimmed of `_` at both ends and cut to `max` characters. May be empty (e.g. all-CJK names).
 */
export function slugify(text: string, max: number): string {
  const folded = [...text.normalize('NFKD').toLowerCase()]
    .map((char) => FOLDS[char] ?? char)
    .join('')
    .replace(/\p{M}/gu, '');
  return folded
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .slice(0, max)
    .replace(/_$/, '');
}

function uniquePart(id: string | undefined): string {
  if (id === undefined) return randomBase36(ID_LENGTH);
  const hex = id.toLowerCase().replace(/[^0-9a-f]/g, '');
  // The tail of a UUID is random in both v4 and v7 (v7 begins with a timestamp).
  if (hex.length < 12) throw new Error('a name id must be a UUID (at least 12 hex digits)');
  return BigInt(`0x${hex.slice(-12)}`)
    .toString(36)
    .padStart(ID_LENGTH, '0')
    .slice(-ID_LENGTH);
}

function randomBase36(length: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  // 36 does not divide 256: drop bytes ≥ 252 so every character is equally likely.
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length)) {
      if (byte < 252 && out.length < length) out += alphabet[byte % 36];
    }
  }
  return out;
}

/**
 * Database and role names for a design: `sb_<owner>_<design slug>_<id>`, e.g.
 * `sb_ada_blog_3kq9z0x1mb`. Always `[a-z][a-z0-9_]*` and at most 63 bytes, so PostgreSQL never
 * truncates or case-folds them; user input contributes only slugged characters, and the names
 * are still quoted wherever they reach SQL.
 */
export function generateNames(input: NameInput): GeneratedNames {
  const prefix = input.prefix ?? 'sb';
  if (!PREFIX.test(prefix)) throw new Error('a name prefix must be [a-z][a-z0-9]{0,9}');
  const parts = [prefix, slugify(input.owner, OWNER_MAX), slugify(input.designName, SLUG_MAX)];
  const name = [...parts.filter((part) => part !== ''), uniquePart(input.id)].join('_');
  // Unreachable by construction (10 + 1 + 12 + 1 + 28 + 1 + 10 = 63); kept as a guard for edits.
  if (name.length > MAX_NAME_BYTES || !GENERATED_NAME.test(name))
    throw new Error(`generated name ${name} breaks the naming rules`);
  return { database: name, role: name };
}
