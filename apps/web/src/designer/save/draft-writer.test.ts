import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Design } from '../state/edits.ts';
import { createDraftWriter, DRAFT_DELAY_MS, flushWhenPageHides } from './draft-writer.ts';
import { readDraft, writeDraft } from './drafts.ts';

const named = (name: string): Design => ({ name, tables: [] });
const draftOf = (name: string) => () => ({
  baseVersion: 2,
  design: named(name),
  savedAt: '2026-12-06T00:00:00Z',
});

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the debounced draft writer', () => {
  test('writes nothing during a burst of edits, then the last draft once the edits stop', () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const writer = createDraftWriter('d1');
    for (const name of ['a', 'ab', 'abc']) {
      writer.schedule(draftOf(name));
      vi.advanceTimersByTime(DRAFT_DELAY_MS - 1);
    }
    expect(readDraft('d1')).toBeUndefined();
    vi.advanceTimersByTime(1);
    expect(readDraft('d1')?.design.name).toBe('abc');
    expect(setItem).toHaveBeenCalledTimes(1);
    setItem.mockRestore();
  });

  test('builds the draft only when it writes it', () => {
    const writer = createDraftWriter('d1');
    const first = vi.fn(draftOf('first'));
    writer.schedule(first);
    writer.schedule(draftOf('second'));
    vi.runAllTimers();
    expect(first).not.toHaveBeenCalled();
  });

  test('flush writes a scheduled draft at once, and only once', () => {
    const writer = createDraftWriter('d1');
    writer.schedule(draftOf('now'));
    writer.flush();
    expect(readDraft('d1')?.design.name).toBe('now');
    localStorage.clear();
    vi.runAllTimers();
    writer.flush();
    expect(readDraft('d1')).toBeUndefined();
  });

  test('clear drops a scheduled draft and the stored one: a late timer does not bring it back', () => {
    writeDraft('d1', draftOf('old')());
    const writer = createDraftWriter('d1');
    writer.schedule(draftOf('pending'));
    writer.clear();
    vi.runAllTimers();
    expect(readDraft('d1')).toBeUndefined();
  });

  test('keeps to its own design', () => {
    const writer = createDraftWriter('d1');
    writer.schedule(draftOf('mine'));
    vi.runAllTimers();
    expect(readDraft('d2')).toBeUndefined();
  });
});

describe('flushing when the page hides', () => {
  test('a pagehide (reload, closed tab) writes the scheduled draft before the delay', () => {
    const writer = createDraftWriter('d1');
    const stop = flushWhenPageHides(writer);
    writer.schedule(draftOf('reloaded'));
    window.dispatchEvent(new Event('pagehide'));
    expect(readDraft('d1')?.design.name).toBe('reloaded');
    stop();
  });

  test('the page turning hidden writes it; turning visible does not', () => {
    const writer = createDraftWriter('d1');
    const stop = flushWhenPageHides(writer);
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('visible');
    writer.schedule(draftOf('switched'));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(readDraft('d1')).toBeUndefined();
    visibility.mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(readDraft('d1')?.design.name).toBe('switched');
    visibility.mockRestore();
    stop();
  });

  test('after unsubscribing, hiding the page writes nothing', () => {
    const writer = createDraftWriter('d1');
    flushWhenPageHides(writer)();
    writer.schedule(draftOf('late'));
    window.dispatchEvent(new Event('pagehide'));
    expect(readDraft('d1')).toBeUndefined();
  });
});
