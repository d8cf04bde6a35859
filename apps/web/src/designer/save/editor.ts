import { applyEdit, type Design, type Edit, type Position } from '../state/edits.ts';
import { type History, record, redo, startHistory, undo } from '../state/history.ts';
import { sameDesign } from './canonical.ts';

/**
 * - `saved`: the server has exactly what is on screen.
 * - `unsaved`: edits wait for the autosave (kept in the browser meanwhile).
 * - `saving`: a save is on its way.
 * - `invalid`: the server refused the document (the problems panel says why); edits are kept.
 * - `offline`: the save failed for another reason; it is retried with the next edit.
 * - `conflict`: someone saved another version meanwhile; the user chooses (never silently).
 */
export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'invalid' | 'offline' | 'conflict';

export interface EditorState {
  history: History;
  /** The server version the edits are based on (`expectedVersion` of the next save). */
  baseVersion: number;
  /** The document of `baseVersion` as the server has it. */
  server: Design;
  status: SaveStatus;
  /** Why the last save failed, in the server's words. */
  message?: string | undefined;
  /** The other version, while the conflict is open. */
  theirs?: { design: Design; version: number } | undefined;
}

export type EditorAction =
  | { type: 'edit'; edit: Edit; mergeKey?: string | undefined }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'saving' }
  | { type: 'saved'; sent: Design; version: number; server: Design }
  | { type: 'refused'; message: string }
  | { type: 'failed'; message: string }
  | { type: 'conflict'; theirs: Design; version: number }
  | { type: 'takeTheirs' }
  | { type: 'keepMine' }
  /** Positions for tables that had none, shown as the design's own: no undo step, nothing to save. */
  | { type: 'arrangeOnOpen'; positions: Record<string, Position> };

/**
 * The editor as it opens: the server's version, or the browser's unsaved draft on top of it.
 * A draft based on an older version than the server's is a conflict to resolve, not a silent pick.
 */
export function openEditor(
  server: { design: Design; version: number },
  draft?: { design: Design; baseVersion: number },
): EditorState {
  const base: EditorState = {
    history: startHistory(server.design),
    baseVersion: server.version,
    server: server.design,
    status: 'saved',
  };
  if (!draft || sameDesign(draft.design, server.design)) return base;
  if (draft.baseVersion === server.version) {
    return { ...base, history: startHistory(draft.design), status: 'unsaved' };
  }
  return {
    ...base,
    history: startHistory(draft.design),
    baseVersion: draft.baseVersion,
    status: 'conflict',
    theirs: { design: server.design, version: server.version },
  };
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'edit':
      return changed(state, record(state.history, action.edit, action.mergeKey));
    case 'undo':
      return changed(state, undo(state.history));
    case 'redo':
      return changed(state, redo(state.history));
    case 'saving':
      return { ...state, status: 'saving', message: undefined };
    case 'saved': {
      // Edits made while the save was on its way are still unsaved.
      const upToDate = sameDesign(state.history.present, action.sent);
      return {
        ...state,
        baseVersion: action.version,
        server: action.server,
        status: upToDate ? 'saved' : 'unsaved',
        message: undefined,
      };
    }
    case 'refused':
      return { ...state, status: 'invalid', message: action.message };
    case 'failed':
      return { ...state, status: 'offline', message: action.message };
    case 'conflict':
      return { ...state, status: 'conflict', theirs: { design: action.theirs, version: action.version } };
    case 'takeTheirs': {
      if (!state.theirs) return state;
      const { design, version } = state.theirs;
      // Undoable: one step back brings my version back on screen (and unsaved again).
      const history = record(state.history, { kind: 'replace', design });
      return { history, baseVersion: version, server: design, status: 'saved' };
    }
    case 'arrangeOnOpen': {
      // Only untouched designs: the positions are saved with the next real edit, so opening a
      // design never makes a version by itself.
      if (state.status !== 'saved' || state.history.past.length > 0) return state;
      const edit = { kind: 'moveTables', positions: action.positions } as const;
      const server = applyEdit(state.server, edit);
      return { ...state, server, history: startHistory(applyEdit(state.history.present, edit)) };
    }
    case 'keepMine': {
      if (!state.theirs) return state;
      const { design, version } = state.theirs;
      // Mine is saved as a new version on top of theirs by the next autosave.
      return { ...state, baseVersion: version, server: design, status: 'unsaved', theirs: undefined };
    }
  }
}

/** After an edit, undo or redo: unsaved unless it is back to what the server has. */
function changed(state: EditorState, history: History): EditorState {
  if (history === state.history) return state;
  if (state.status === 'conflict') return { ...state, history };
  const status: SaveStatus = sameDesign(history.present, state.server) ? 'saved' : 'unsaved';
  return { ...state, history, status, message: status === 'saved' ? undefined : state.message };
}

/** Whether the autosave has something to send now. */
export function needsSave(state: EditorState): boolean {
  return state.status === 'unsaved' || state.status === 'offline';
}
