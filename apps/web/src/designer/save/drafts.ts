import type { Design } from '../state/edits.ts';

/**
 * Edits the server does not have yet, kept in the browser so that a reload, a crash or a lost
 * network loses nothing. One entry per design: the document and the version it was based on.
 */
export interface Draft {
  baseVersion: number;
  design: Design;
  savedAt: string;
}

const key = (designId: string) => `schema-builder:draft:${designId}`;

export function readDraft(designId: string, storage: Storage = localStorage): Draft | undefined {
  try {
    const text = storage.getItem(key(designId));
    if (!text) return undefined;
    const draft = JSON.parse(text) as Partial<Draft>;
    if (typeof draft.baseVersion !== 'number' || typeof draft.design !== 'object' || draft.design === null) {
      return undefined;
    }
    return draft as Draft;
  } catch {
    return undefined;
  }
}

export function writeDraft(designId: string, draft: Draft, storage: Storage = localStorage): void {
  try {
    storage.setItem(key(designId), JSON.stringify(draft));
  } catch {
    // A full or disabled storage: the autosave still runs; nothing else to do here.
  }
}

export function clearDraft(designId: string, storage: Storage = localStorage): void {
  storage.removeItem(key(designId));
}
