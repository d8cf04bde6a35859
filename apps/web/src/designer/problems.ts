import type { ValidationIssue } from '@schema-builder/schema-model/validation';
import type { Design } from './state/edits.ts';

/** What a problem is about: a table, one of its columns, or the design as a whole. */
export interface ProblemTarget {
  tableId?: string | undefined;
  columnId?: string | undefined;
}

const TABLE_PATH = /^tables\[(\d+)\](?:\.columns\[(\d+)\])?/;
const FOREIGN_KEY_PATH = /^foreignKeys\[(\d+)\]/;

/**
 * The element a validation issue concerns, from its path (`tables[2].columns[1].name`): the
 * validator speaks of positions, the canvas and the outline of ids.
 */
export function targetOf(design: Design, issue: Pick<ValidationIssue, 'path'>): ProblemTarget {
  const table = TABLE_PATH.exec(issue.path);
  if (table) {
    const found = design.tables[Number(table[1])];
    const column = table[2] === undefined ? undefined : found?.columns[Number(table[2])];
    return { tableId: found?.id, columnId: column?.id };
  }
  const key = FOREIGN_KEY_PATH.exec(issue.path);
  if (key) {
    const found = design.foreignKeys?.[Number(key[1])];
    return { tableId: found?.sourceTableId, columnId: found?.sourceColumnId ?? undefined };
  }
  return {};
}

/** Problems by the table and the column they concern, for marking them where they are. */
export interface ProblemIndex {
  byTable: Map<string, ValidationIssue[]>;
  byColumn: Map<string, ValidationIssue[]>;
}

export function indexProblems(design: Design, issues: readonly ValidationIssue[]): ProblemIndex {
  const byTable = new Map<string, ValidationIssue[]>();
  const byColumn = new Map<string, ValidationIssue[]>();
  const push = (map: Map<string, ValidationIssue[]>, key: string, issue: ValidationIssue) => {
    const list = map.get(key);
    if (list) list.push(issue);
    else map.set(key, [issue]);
  };
  for (const issue of issues) {
    const { tableId, columnId } = targetOf(design, issue);
    if (columnId && tableId) push(byColumn, `${tableId}/${columnId}`, issue);
    else if (tableId) push(byTable, tableId, issue);
  }
  return { byTable, byColumn };
}

/** Where the outline puts the element a problem concerns (for focusing it from the panel). */
export function elementIdOf(target: ProblemTarget): string | undefined {
  if (target.tableId && target.columnId) return `outline-column-${target.tableId}-${target.columnId}`;
  if (target.tableId) return `outline-table-${target.tableId}`;
  return undefined;
}

/**
 * `next`, with the issue lists that say the same as in `previous` replaced by the previous lists:
 * validation makes new objects on every edit, and the outline and canvas redraw a table only when
 * its lists are new, so a large design redraws only the tables whose problems changed.
 */
export function keepUnchangedProblems(previous: ProblemIndex | undefined, next: ProblemIndex): ProblemIndex {
  if (!previous) return next;
  return {
    byTable: reuse(previous.byTable, next.byTable),
    byColumn: reuse(previous.byColumn, next.byColumn),
  };
}

function reuse(
  previous: Map<string, ValidationIssue[]>,
  next: Map<string, ValidationIssue[]>,
): Map<string, ValidationIssue[]> {
  const kept = new Map<string, ValidationIssue[]>();
  for (const [key, issues] of next) {
    const before = previous.get(key);
    kept.set(key, before && sameIssues(before, issues) ? before : issues);
  }
  return kept;
}

export function sameIssues(a: readonly ValidationIssue[], b: readonly ValidationIssue[]): boolean {
  return (
    a.length === b.length &&
    a.every((issue, index) => {
      const other = b[index];
      return (
        other !== undefined &&
        issue.code === other.code &&
        issue.path === other.path &&
        issue.severity === other.severity &&
        issue.message === other.message
      );
    })
  );
}
