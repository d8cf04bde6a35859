import { describe, expect, test } from 'vitest';
import type { Design } from '../state/edits.ts';
import { editorReducer, needsSave, openEditor } from './editor.ts';

const v1: Design = { name: 'shop', tables: [] };
const mine: Design = { name: 'shop (mine)', tables: [] };
const theirs: Design = { name: 'shop (theirs)', tables: [] };
const rename = (name: string) => ({ type: 'edit', edit: { kind: 'updateDesign', patch: { name } } }) as const;

describe('opening a design', () => {
  test("without a draft, it is the server's version, saved", () => {
    const state = openEditor({ design: v1, version: 1 });
    expect(state).toMatchObject({ status: 'saved', baseVersion: 1 });
    expect(state.history.present).toBe(v1);
  });

  test('a draft of the same version comes back as unsaved edits (a reload loses nothing)', () => {
    const state = openEditor({ design: v1, version: 3 }, { design: mine, baseVersion: 3 });
    expect(state.history.present).toEqual(mine);
    expect(state.status).toBe('unsaved');
    expect(needsSave(state)).toBe(true);
  });

  test("a draft of an older version is a conflict to resolve, with the server's version at hand", () => {
    const state = openEditor({ design: theirs, version: 4 }, { design: mine, baseVersion: 3 });
    expect(state.status).toBe('conflict');
    expect(state.history.present).toEqual(mine);
    expect(state.theirs).toEqual({ design: theirs, version: 4 });
    expect(needsSave(state)).toBe(false);
  });

  test('a draft equal to the server version is simply saved', () => {
    expect(openEditor({ design: v1, version: 2 }, { design: { ...v1 }, baseVersion: 1 }).status).toBe(
      'saved',
    );
  });
});

describe('saving', () => {
  test('an edit is unsaved until the save of that very document succeeds', () => {
    let state = editorReducer(openEditor({ design: v1, version: 1 }), rename('a'));
    expect(state.status).toBe('unsaved');
    const sent = state.history.present;
    state = editorReducer(state, { type: 'saving' });
    state = editorReducer(state, rename('ab'));
    state = editorReducer(state, { type: 'saved', sent, version: 2, server: sent });
    expect(state).toMatchObject({ status: 'unsaved', baseVersion: 2 });
    state = editorReducer(state, {
      type: 'saved',
      sent: state.history.present,
      version: 3,
      server: state.history.present,
    });
    expect(state).toMatchObject({ status: 'saved', baseVersion: 3 });
  });

  test('undoing back to what the server has is saved again', () => {
    const state = editorReducer(editorReducer(openEditor({ design: v1, version: 1 }), rename('a')), {
      type: 'undo',
    });
    expect(state.status).toBe('saved');
  });

  test('a refused document keeps the edits and the reason; a failed save is retried', () => {
    let state = editorReducer(openEditor({ design: v1, version: 1 }), rename('a'));
    state = editorReducer(state, { type: 'refused', message: 'The design has 1 problem.' });
    expect(state).toMatchObject({ status: 'invalid', message: 'The design has 1 problem.' });
    expect(state.history.present.name).toBe('a');
    expect(needsSave(state)).toBe(false);
    state = editorReducer(state, rename('b'));
    expect(needsSave(state)).toBe(true);
    state = editorReducer(state, { type: 'failed', message: 'offline' });
    expect(needsSave(state)).toBe(true);
  });
});

describe('a conflict', () => {
  const inConflict = () =>
    editorReducer(editorReducer(openEditor({ design: v1, version: 1 }), rename('shop (mine)')), {
      type: 'conflict',
      theirs,
      version: 2,
    });

  test('taking theirs shows their version, saved, and one undo brings mine back', () => {
    const state = editorReducer(inConflict(), { type: 'takeTheirs' });
    expect(state).toMatchObject({ status: 'saved', baseVersion: 2 });
    expect(state.history.present).toEqual(theirs);
    const undone = editorReducer(state, { type: 'undo' });
    expect(undone.history.present.name).toBe('shop (mine)');
    expect(undone.status).toBe('unsaved');
  });

  test('keeping mine saves it as a new version on top of theirs', () => {
    const state = editorReducer(inConflict(), { type: 'keepMine' });
    expect(state).toMatchObject({ status: 'unsaved', baseVersion: 2, theirs: undefined });
    expect(state.history.present.name).toBe('shop (mine)');
    expect(needsSave(state)).toBe(true);
  });

  test('edits during a conflict keep it open: nothing is saved until the user chooses', () => {
    const state = editorReducer(inConflict(), rename('more'));
    expect(state.status).toBe('conflict');
    expect(needsSave(state)).toBe(false);
  });
});

describe('a design without positions, laid out when it opens', () => {
  const imported: Design = {
    name: 'imported',
    tables: [{ id: 't1', name: 'authors', columns: [{ id: 'c1', name: 'id', dataType: 'BIGINT' }] }],
  };

  test('shows the positions as its own: nothing to save, nothing to undo, saved with the next edit', () => {
    let state = editorReducer(openEditor({ design: imported, version: 1 }), {
      type: 'arrangeOnOpen',
      positions: { t1: { x: 10, y: 20 } },
    });
    expect(state.status).toBe('saved');
    expect(state.history.past).toEqual([]);
    expect(state.history.present.tables[0]?.position).toEqual({ x: 10, y: 20 });
    state = editorReducer(state, rename('imported (2)'));
    expect(state.status).toBe('unsaved');
    expect(state.history.present.tables[0]?.position).toEqual({ x: 10, y: 20 });
  });

  test('comes too late for a design already being edited, and is dropped', () => {
    const edited = editorReducer(openEditor({ design: imported, version: 1 }), rename('x'));
    expect(editorReducer(edited, { type: 'arrangeOnOpen', positions: { t1: { x: 1, y: 1 } } })).toBe(edited);
  });
});
