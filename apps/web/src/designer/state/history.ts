import { applyEdit, type Design, type Edit } from './edits.ts';

/** How many steps undo can go back. */
export const HISTORY_LIMIT = 200;

export interface History {
  past: Design[];
  present: Design;
  future: Design[];
  /**
   * The merge key of the last edit: a following edit with the same key (typing into one field,
   * nudging one table with the arrow keys) replaces it instead of adding a step.
   */
  mergeKey?: string | undefined;
}

export function startHistory(design: Design): History {
  return { past: [], present: design, future: [] };
}

/** Applies `edit`: one undo step (or merged into the last one), and the redo steps are gone. */
export function record(history: History, edit: Edit, mergeKey?: string): History {
  const present = applyEdit(history.present, edit);
  if (present === history.present) return history;
  if (mergeKey !== undefined && mergeKey === history.mergeKey) {
    return { past: history.past, present, future: [], mergeKey };
  }
  const past = [...history.past, history.present].slice(-HISTORY_LIMIT);
  return { past, present, future: [], mergeKey };
}

export function undo(history: History): History {
  const previous = history.past.at(-1);
  if (previous === undefined) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] };
}

export function redo(history: History): History {
  const next = history.future[0];
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: history.future.slice(1) };
}

export const canUndo = (history: History) => history.past.length > 0;
export const canRedo = (history: History) => history.future.length > 0;
