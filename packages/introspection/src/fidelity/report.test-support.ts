import type { UnsupportedObject } from '@schema-builder/schema-model/import';
import type { Score } from './score.test-support.ts';
import { CATEGORIES, totals } from './score.test-support.ts';

const LABELS: Readonly<Record<(typeof CATEGORIES)[number], string>> = {
  tables: 'tables',
  columns: 'columns',
  primaryKeys: 'primary keys',
  uniques: 'unique keys',
  foreignKeys: 'foreign keys',
  indexes: 'indexes',
  enums: 'enums',
};

const percent = (matched: number, total: number) =>
  total === 0 ? '   –' : `${Math.floor((matched / total) * 100)}%`.padStart(4);

/** The printed table of one file: matched / total per kind of object, then what differs. */
export function formatScore(
  title: string,
  score: Score,
  notes: readonly string[],
  maxDifferences = 25,
): string {
  const lines = [`\n── ${title}`];
  for (const category of CATEGORIES) {
    const { matched, total } = score.counts[category];
    if (total === 0) continue;
    lines.push(
      `   ${LABELS[category].padEnd(13)} ${`${matched}/${total}`.padStart(11)}  ${percent(matched, total)}`,
    );
  }
  const all = totals(score);
  lines.push(
    `   ${'all objects'.padEnd(13)} ${`${all.matched}/${all.total}`.padStart(11)}  ${percent(all.matched, all.total)}`,
  );
  lines.push(...notes.map((note) => `   ${note}`));
  if (score.differences.length > 0) {
    lines.push(`   what differs (${score.differences.length}, by kind):`);
    for (const [kind, count] of differenceKinds(score))
      lines.push(`     ${String(count).padStart(5)} × ${kind}`);
    lines.push(`   first ${Math.min(maxDifferences, score.differences.length)}:`);
    for (const difference of score.differences.slice(0, maxDifferences)) {
      lines.push(`     ${LABELS[difference.category]} ${difference.object}: ${difference.what}`);
    }
  }
  return lines.join('\n');
}

/** Differences grouped by what changed (`type tsvector → text`), most frequent first. */
function differenceKinds(score: Score): Array<[string, number]> {
  const kinds = new Map<string, number>();
  for (const difference of score.differences) {
    const what = difference.kind ?? difference.what;
    const kind = `${LABELS[difference.category]}: ${what.length > 90 ? `${what.slice(0, 89)}…` : what}`;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 15);
}

/** `7 view, 15 trigger, …`: what the design has no place for, by kind. */
export function unsupportedSummary(objects: readonly UnsupportedObject[]): string {
  const counts = new Map<string, number>();
  for (const object of objects) counts.set(object.kind, (counts.get(object.kind) ?? 0) + 1);
  if (counts.size === 0) return 'not expressible in a design: nothing';
  return `not expressible in a design: ${[...counts].map(([kind, n]) => `${n} ${kind.replaceAll('_', ' ')}`).join(', ')}`;
}

/** One row per file: the summary table printed after all files. */
export function formatSummary(
  title: string,
  rows: ReadonlyArray<{ name: string; score: Score | string }>,
): string {
  const header = [
    'file'.padEnd(30),
    ...CATEGORIES.map((c) => LABELS[c].padStart(13)),
    'all'.padStart(13),
  ].join(' ');
  const lines = [`\n══ ${title}`, header];
  for (const { name, score } of rows) {
    if (typeof score === 'string') {
      lines.push(`${name.padEnd(30)} ${score}`);
      continue;
    }
    const cells = CATEGORIES.map((category) => {
      const { matched, total } = score.counts[category];
      return (total === 0 ? '–' : `${matched}/${total}`).padStart(13);
    });
    const all = totals(score);
    lines.push([name.padEnd(30), ...cells, `${all.matched}/${all.total}`.padStart(13)].join(' '));
  }
  return lines.join('\n');
}
