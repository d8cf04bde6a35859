import { isApiError } from '@schema-builder/client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { messageOf } from '../../api/errors.ts';
import { trpc, trpcClient } from '../../api/trpc.ts';
import type { Design, Edit, Position } from '../state/edits.ts';
import { createDraftWriter, flushWhenPageHides } from './draft-writer.ts';
import { type EditorState, editorReducer, needsSave } from './editor.ts';

/** Quiet time after the last edit before it is sent. */
export const AUTOSAVE_DELAY_MS = 800;

export interface DesignEditor {
  state: EditorState;
  design: Design;
  apply: (edit: Edit, mergeKey?: string) => void;
  undo: () => void;
  redo: () => void;
  takeTheirs: () => void;
  keepMine: () => void;
  /** Positions for a design that had none (an import), not an edit: see `arrangeOnOpen`. */
  arrangeOnOpen: (positions: Record<string, Position>) => void;
}

/**
 * The design being edited: every edit is kept in the browser (shortly after it, or at once when the
 * page hides) and sent, debounced, with `expectedVersion`; a 409 opens the conflict instead of
 * overwriting or dropping anything.
 */
export function useDesignEditor(designId: string, initial: EditorState): DesignEditor {
  const [state, dispatch] = useReducer(editorReducer, initial);
  const queryClient = useQueryClient();
  const design = state.history.present;

  // Kept in the browser until the server has it: written shortly after the last edit, at once
  // when the page hides or the editor closes (so a reload still loses nothing).
  const [drafts, setDrafts] = useState(() => createDraftWriter(designId));
  if (drafts.designId !== designId) setDrafts(createDraftWriter(designId));
  useEffect(() => {
    const stop = flushWhenPageHides(drafts);
    return () => {
      stop();
      drafts.flush();
    };
  }, [drafts]);
  useEffect(() => {
    if (state.status === 'saved') drafts.clear();
    else
      drafts.schedule(() => ({ baseVersion: state.baseVersion, design, savedAt: new Date().toISOString() }));
  }, [drafts, design, state.baseVersion, state.status]);

  const save = useMutation(
    trpc.schemas.update.mutationOptions({
      onMutate: () => dispatch({ type: 'saving' }),
      onSuccess: (saved, input) => {
        const { id: _id, expectedVersion: _version, ...sent } = input;
        dispatch({ type: 'saved', sent, version: saved.version, server: saved.definition });
        queryClient.setQueryData(trpc.schemas.get.queryKey({ id: designId }), saved);
        void queryClient.invalidateQueries({ queryKey: trpc.schemas.versions.pathKey() });
      },
      onError: async (error) => {
        if (isApiError(error, 'VERSION_CONFLICT')) {
          const latest = await trpcClient.schemas.get.query({ id: designId });
          dispatch({ type: 'conflict', theirs: latest.definition, version: latest.version });
        } else if (isApiError(error) && (error.data?.httpStatus ?? 500) < 500) {
          dispatch({ type: 'refused', message: messageOf(error) });
        } else {
          dispatch({ type: 'failed', message: messageOf(error) });
        }
      },
    }),
  );

  const saving = save.isPending;
  const mutate = save.mutate;
  const latest = useRef(state);
  latest.current = state;
  useEffect(() => {
    if (!needsSave(state) || saving) return;
    const timer = setTimeout(() => {
      const current = latest.current;
      // The document's own `id` (a PRD field the server does not store) would shadow the design's.
      const { id: _documentId, ...document } = current.history.present;
      mutate({ ...document, id: designId, expectedVersion: current.baseVersion });
    }, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [state, saving, mutate, designId]);

  return {
    state,
    design,
    apply: useCallback((edit: Edit, mergeKey?: string) => dispatch({ type: 'edit', edit, mergeKey }), []),
    undo: useCallback(() => dispatch({ type: 'undo' }), []),
    redo: useCallback(() => dispatch({ type: 'redo' }), []),
    takeTheirs: useCallback(() => dispatch({ type: 'takeTheirs' }), []),
    keepMine: useCallback(() => dispatch({ type: 'keepMine' }), []),
    arrangeOnOpen: useCallback(
      (positions: Record<string, Position>) => dispatch({ type: 'arrangeOnOpen', positions }),
      [],
    ),
  };
}
