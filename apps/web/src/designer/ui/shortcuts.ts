import { useEffect } from 'react';

export interface ShortcutHandlers {
  undo: () => void;
  redo: () => void;
  copy: () => void;
  paste: () => void;
  duplicate: () => void;
  deleteSelection: () => void;
  addTable: () => void;
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/**
 * The designer's keyboard shortcuts (Ctrl on Windows and Linux, Cmd on macOS):
 * Z undo, Shift+Z or Y redo — everywhere, since text fields edit the design too —, and outside text
 * fields C copy, V paste, D duplicate the selected tables, Delete removes them, Alt+N adds a table.
 */
export function useDesignerShortcuts(handlers: ShortcutHandlers): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      const run = (action: () => void) => {
        event.preventDefault();
        action();
      };
      if (mod && key === 'z') return run(event.shiftKey ? handlers.redo : handlers.undo);
      if (mod && key === 'y') return run(handlers.redo);
      if (isTyping(event.target)) return;
      if (mod && key === 'c') return run(handlers.copy);
      if (mod && key === 'v') return run(handlers.paste);
      if (mod && key === 'd') return run(handlers.duplicate);
      if (event.altKey && key === 'n') return run(handlers.addTable);
      if (!mod && (key === 'delete' || key === 'backspace')) return run(handlers.deleteSelection);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [handlers]);
}
