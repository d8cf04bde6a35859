/** JSON with object keys sorted: two documents that mean the same compare equal as text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, current: unknown) =>
    current && typeof current === 'object' && !Array.isArray(current)
      ? Object.fromEntries(Object.entries(current).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : current,
  );
}

/**
 * Whether two documents mean the same as JSON: `canonicalJson(a) === canonicalJson(b)`, without
 * writing either out. The editor asks it on every edit; on a design of 1,000 tables two canonical
 * texts cost a noticeable pause per key typed, a walk that stops at the first difference does not.
 */
export function sameDesign(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return jsonValue(a) === jsonValue(b);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    // In arrays JSON writes what it cannot (undefined, functions) as null.
    return a.every((item, index) => sameDesign(arrayItem(item), arrayItem(b[index])));
  }
  const left = presentKeys(a);
  const right = presentKeys(b);
  if (left.length !== right.length) return false;
  const record = b as Record<string, unknown>;
  return left.every(
    (key) => Object.hasOwn(record, key) && sameDesign((a as Record<string, unknown>)[key], record[key]),
  );
}

/** An object's keys that JSON writes (not those holding undefined or a function). */
function presentKeys(value: object): string[] {
  return Object.entries(value)
    .filter(([, item]) => item !== undefined && typeof item !== 'function')
    .map(([key]) => key);
}

const arrayItem = (value: unknown) => (value === undefined || typeof value === 'function' ? null : value);
const jsonValue = (value: unknown) => JSON.stringify(value);
