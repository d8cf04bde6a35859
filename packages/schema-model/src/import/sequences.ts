import type { IntrospectedCatalog } from './catalog.ts';
import { parseDefault } from './parse-default.ts';

/**
 * Which sequences serve one column only. `serial` is a sequence, a `nextval` default and an
 * OWNED BY link; pg_dump output and hand-written schemas often lack the link, yet a sequence
 * that exactly one column draws from (and no column owns) behaves as that column's serial.
 */
export function soleSequenceUsers(catalog: IntrospectedCatalog): (sequence: string) => boolean {
  const uses = new Map<string, number>();
  const count = (sequence: string) => uses.set(sequence, (uses.get(sequence) ?? 0) + 1);
  for (const table of catalog.tables) {
    for (const column of table.columns) {
      if (column.ownedSequence !== undefined) count(column.ownedSequence);
      if (column.default === null) continue;
      const parsed = parseDefault(column.default, 'postgresql');
      // A column's default on its own sequence is the same use as owning it: counted once.
      if (parsed.kind === 'sequence' && parsed.sequence !== column.ownedSequence) count(parsed.sequence);
    }
  }
  return (sequence) => uses.get(sequence) === 1;
}

/**
 * The bare name of a sequence in `schema` as `nextval` names it (`public.film_id_seq`,
 * `"Odd Seq"`), or undefined when it lives in another schema.
 */
export function sequenceNameIn(regclassText: string, schema: string): string | undefined {
  const parts = [...regclassText.matchAll(/"((?:[^"]|"")*)"|([^."]+)/g)].map((match) =>
    match[1] !== undefined ? match[1].replaceAll('""', '"') : (match[2] ?? ''),
  );
  const name = parts.at(-1);
  if (name === undefined) return undefined;
  if (parts.length === 2 && parts[0] !== schema) return undefined;
  return name;
}
