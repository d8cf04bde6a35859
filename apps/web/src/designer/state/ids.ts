const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A new id for a design object: a prefix and 12 random base-36 characters. getRandomValues, not
 * randomUUID: the app may be served over plain HTTP on a private address, where randomUUID is
 * not available.
 */
export function newId(prefix: 't' | 'c' | 'i' | 'fk' | 'e' | 'g' | 'n'): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  let id = `${prefix}_`;
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}

/** `name`, or `name_2`, `name_3` … : the first that `taken` does not hold (case-insensitive). */
export function freeName(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((existing) => existing.toLowerCase()));
  if (!used.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name}_${n}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
