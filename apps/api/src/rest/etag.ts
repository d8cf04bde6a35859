import { createHash } from 'node:crypto';

/**
 * Entity tags (RFC 9110 §8.8.3) for single resources over REST. A design's tag is its stored
 * version, `"v<version>"`: it changes exactly when the representation does, costs nothing to
 * compute and tells the client nothing it cannot read in the body. Other single resources get a
 * digest of the body they are sent with.
 */

/** The strong validator of a design (or one of its saved versions). */
export function versionTag(version: number): string {
  return `"v${version}"`;
}

/** A strong validator from the exact bytes of a representation. */
export function digestTag(body: string): string {
  return `"h${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** The version a tag made by `versionTag` names, if it is one (weak tags never are). */
export function versionOfTag(tag: string): number | undefined {
  const match = /^"v([1-9]\d{0,9})"$/.exec(tag);
  return match ? Number(match[1]) : undefined;
}

/** `*`, or the entity tags of an If-Match / If-None-Match header, each with its `W/` if weak. */
export function parseEntityTags(header: string): '*' | string[] {
  if (header.trim() === '*') return '*';
  return header.match(/(?:W\/)?"[^"]*"/g) ?? [];
}

const opaque = (tag: string) => (tag.startsWith('W/') ? tag.slice(2) : tag);

/** If-None-Match uses the weak comparison: `W/"x"` matches `"x"` (RFC 9110 §13.1.2). */
export function noneMatch(header: string, current: string): boolean {
  const tags = parseEntityTags(header);
  if (tags === '*') return false;
  return !tags.some((tag) => opaque(tag) === opaque(current));
}

/** If-Match uses the strong comparison: a weak tag never matches (RFC 9110 §13.1.1). */
export function matchesStrongly(header: string, current: string): boolean {
  const tags = parseEntityTags(header);
  if (tags === '*') return true;
  return !current.startsWith('W/') && tags.includes(current);
}

/**
 * How each single resource over REST is tagged. Routes not listed send no ETag: lists (their
 * pages move), actions, and secrets (a digest of credentials is not something to hand out).
 */
const TAG_SOURCES: Readonly<Record<string, 'version' | 'digest'>> = {
  'schemas.get': 'version',
  'schemas.create': 'version',
  'schemas.update': 'version',
  'schemas.version': 'version',
  'connections.get': 'digest',
  'databases.status': 'digest',
  'catalog.column': 'digest',
};

/**
 * Routes whose resource's ETag is its version, and the procedure that reads only that version
 * (it answers `{ version }`): a GET with If-None-Match asks it first, so a 304 reads one integer
 * and no document; a PUT checks If-Match against it.
 */
export const VERSION_PROCEDURES: Readonly<Record<string, string>> = {
  'schemas.get': 'schemas.currentVersion',
  'schemas.update': 'schemas.currentVersion',
};

/**
 * The ETag of a procedure's output and the body to send, or undefined when the route has none.
 * A digest is taken of the serialised body, which is then sent as is (serialised once).
 */
export function tagOf(
  procedure: string,
  output: unknown,
  serialise: (output: unknown) => string,
): { etag: string; body: unknown } | undefined {
  const source = TAG_SOURCES[procedure];
  if (source === 'version') {
    const version = (output as { version?: unknown }).version;
    return typeof version === 'number' ? { etag: versionTag(version), body: output } : undefined;
  }
  if (source !== 'digest') return undefined;
  const body = serialise(output);
  return { etag: digestTag(body), body };
}
