import { clearDraft, type Draft, writeDraft } from './drafts.ts';

/**
 * Quiet time after the last edit before the draft is written. Writing the whole design to local
 * storage is a synchronous stringify and store — at 1,000 tables a large share of an edit's cost —
 * so a burst of edits is written once; `flush` covers the moments the page may go away.
 */
export const DRAFT_DELAY_MS = 300;

export interface DraftWriter {
  readonly designId: string;
  /** Writes the draft `draft()` returns once no other edit came for the delay; the last one wins. */
  schedule: (draft: () => Draft) => void;
  /** Writes a scheduled draft now (page hidden or left, editor closed). */
  flush: () => void;
  /** Drops a scheduled draft and the stored one: the server has everything. */
  clear: () => void;
}

export function createDraftWriter(
  designId: string,
  { delayMs = DRAFT_DELAY_MS, storage = localStorage }: { delayMs?: number; storage?: Storage } = {},
): DraftWriter {
  let pending: (() => Draft) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const stopTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const flush = () => {
    stopTimer();
    const draft = pending;
    pending = undefined;
    if (draft) writeDraft(designId, draft(), storage);
  };

  return {
    designId,
    schedule: (draft) => {
      pending = draft;
      stopTimer();
      timer = setTimeout(flush, delayMs);
    },
    flush,
    clear: () => {
      stopTimer();
      pending = undefined;
      clearDraft(designId, storage);
    },
  };
}

/**
 * Flushes `writer` when the page is hidden or left (a reload, a closed tab, a switched app on a
 * phone — after which the page may be killed without another event). Returns the unsubscribe.
 */
export function flushWhenPageHides(writer: DraftWriter, target: Window = window): () => void {
  const onHidden = () => {
    if (target.document.visibilityState === 'hidden') writer.flush();
  };
  const onPageHide = () => writer.flush();
  target.addEventListener('pagehide', onPageHide);
  target.document.addEventListener('visibilitychange', onHidden);
  return () => {
    target.removeEventListener('pagehide', onPageHide);
    target.document.removeEventListener('visibilitychange', onHidden);
  };
}
