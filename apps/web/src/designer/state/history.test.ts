import { describe, expect, test } from 'vitest';
import type { Design } from './edits.ts';
import { canRedo, canUndo, HISTORY_LIMIT, record, redo, startHistory, undo } from './history.ts';

const empty: Design = { name: 'empty', tables: [] };
const rename = (name: string) => ({ kind: 'updateDesign', patch: { name } }) as const;

describe('undo and redo', () => {
  test('undo walks back one edit at a time and redo walks forward again', () => {
    let history = startHistory(empty);
    history = record(history, rename('a'));
    history = record(history, rename('b'));
    expect(canRedo(history)).toBe(false);
    history = undo(history);
    expect(history.present.name).toBe('a');
    history = undo(history);
    expect(history.present.name).toBe('empty');
    expect(canUndo(history)).toBe(false);
    expect(undo(history)).toBe(history);
    history = redo(redo(history));
    expect(history.present.name).toBe('b');
    expect(redo(history)).toBe(history);
  });

  test('a new edit after undo discards the steps that could have been redone', () => {
    const history = record(undo(record(startHistory(empty), rename('a'))), rename('c'));
    expect(history.present.name).toBe('c');
    expect(canRedo(history)).toBe(false);
    expect(undo(history).present.name).toBe('empty');
  });

  test('edits with the same merge key make one undo step; another key starts a new one', () => {
    let history = startHistory(empty);
    for (const name of ['s', 'sh', 'sho', 'shop']) history = record(history, rename(name), 'design-name');
    history = record(history, rename('shop!'), 'other');
    expect(history.past.map((design) => design.name)).toEqual(['empty', 'shop']);
    expect(undo(undo(history)).present.name).toBe('empty');
  });

  test(`keeps at most ${HISTORY_LIMIT} steps, dropping the oldest`, () => {
    let history = startHistory(empty);
    for (let n = 0; n <= HISTORY_LIMIT + 5; n++) history = record(history, rename(`v${n}`));
    expect(history.past).toHaveLength(HISTORY_LIMIT);
    expect(history.past[0]?.name).toBe('v5');
  });
});
