import type { Score } from './score.test-support.ts';

/**
 * What must hold for every corpus file today, so that a regression fails the suite while the
 * report keeps listing what the design model cannot express yet. Returns the violations.
 * - every table comes back, with its comment;
 * - every column comes back with its nullability and comment;
 * - every primary key comes back (its column order may follow the table's: a design's does);
 * - every foreign key comes back, except those to another schema (a design is one schema);
 * - every plain unique key and plain index comes back (partial, expression and non-B-tree ones
 *   cannot yet);
 * - every enum comes back with its values.
 */
export function floorViolations(score: Score): string[] {
  return score.differences
    .filter((difference) => {
      const { category, what } = difference;
      switch (category) {
        case 'tables':
        case 'enums':
          return true;
        case 'columns':
          return what === 'missing' || what.startsWith('nullable') || what.startsWith('comment');
        case 'primaryKeys':
          return what === 'missing';
        case 'foreignKeys':
          return what.startsWith('missing (');
        case 'uniques':
        case 'indexes':
          return what === 'missing';
      }
      return true;
    })
    .map((difference) => `${difference.category} ${difference.object}: ${difference.what}`);
}

/**
 * What must hold for every MySQL and SQLite corpus file's round trip today: every table, column,
 * primary key and foreign key comes back (their types, defaults and the rest are reported).
 */
export function roundTripFloorViolations(score: Score): string[] {
  return score.differences
    .filter(({ category, what }) =>
      category === 'tables' || category === 'columns' || category === 'primaryKeys'
        ? what === 'missing'
        : category === 'foreignKeys' && what.startsWith('missing ('),
    )
    .map((difference) => `${difference.category} ${difference.object}: ${difference.what}`);
}
