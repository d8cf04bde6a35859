/** What a fidelity run counts, per kind of object. */
export const CATEGORIES = [
  'tables',
  'columns',
  'primaryKeys',
  'uniques',
  'foreignKeys',
  'indexes',
  'enums',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Difference {
  category: Category;
  /** `film`, `film.fulltext`, `film.film_fulltext_idx`. */
  object: string;
  /** What differs: `type tsvector → text`, `missing`. */
  what: string;
  /** What to group it under in the report, when not `what` itself (an import warning's code). */
  kind?: string;
}

export interface Score {
  counts: Record<Category, { matched: number; total: number }>;
  differences: Difference[];
}

export function emptyScore(): Score {
  const zero = () => ({ matched: 0, total: 0 });
  return {
    counts: {
      tables: zero(),
      columns: zero(),
      primaryKeys: zero(),
      uniques: zero(),
      foreignKeys: zero(),
      indexes: zero(),
      enums: zero(),
    },
    differences: [],
  };
}

/** Counts one object of `category`: matched when `differences` is empty, else records them. */
export function tally(
  score: Score,
  category: Category,
  object: string,
  differences: ReadonlyArray<string | { what: string; kind: string }>,
): void {
  const count = score.counts[category];
  count.total++;
  if (differences.length === 0) count.matched++;
  for (const difference of differences) {
    score.differences.push(
      typeof difference === 'string'
        ? { category, object, what: difference }
        : { category, object, ...difference },
    );
  }
}

export function totals(score: Score): { matched: number; total: number } {
  let matched = 0;
  let total = 0;
  for (const category of CATEGORIES) {
    matched += score.counts[category].matched;
    total += score.counts[category].total;
  }
  return { matched, total };
}

export function merge(into: Score, from: Score): void {
  for (const category of CATEGORIES) {
    into.counts[category].matched += from.counts[category].matched;
    into.counts[category].total += from.counts[category].total;
  }
  into.differences.push(...from.differences);
}
