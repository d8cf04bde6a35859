import { Trash2 } from 'lucide-react';
import { Button } from '../../components/Button.tsx';
import { type Design, type Edit, groupsOf, notesOf } from '../state/edits.ts';
import { SmallInput } from './fields.tsx';

/** The canvas's groups (name, colour) and notes (text), edited by keyboard like everything else. */
export function CanvasExtrasEditor({
  design,
  apply,
}: {
  design: Design;
  apply: (edit: Edit, mergeKey?: string) => void;
}) {
  const groups = groupsOf(design);
  const notes = notesOf(design);
  const tableName = new Map(design.tables.map((table) => [table.id, table.name]));
  if (groups.length === 0 && notes.length === 0) return null;
  return (
    <section aria-label="Groups and notes" className="flex flex-col gap-2">
      <h3 className="text-sm font-semibold">Groups and notes</h3>
      <ul className="flex flex-col gap-2">
        {groups.map((group) => (
          <li key={group.id} className="flex flex-wrap items-end gap-2">
            <SmallInput
              label="Group name"
              value={group.name}
              onChange={(event) =>
                apply({ kind: 'setGroup', group: { ...group, name: event.target.value } }, `${group.id}:name`)
              }
            />
            <SmallInput
              label={`Colour of group ${group.name}`}
              type="color"
              className="w-20"
              value={group.color}
              onChange={(event) =>
                apply(
                  { kind: 'setGroup', group: { ...group, color: event.target.value } },
                  `${group.id}:color`,
                )
              }
            />
            <span className="pb-1 text-xs text-slate-600 dark:text-slate-400">
              {group.tableIds.map((id) => tableName.get(id) ?? '?').join(', ') || 'no tables'}
            </span>
            <Button
              variant="ghost"
              aria-label={`Delete group ${group.name}`}
              onClick={() => apply({ kind: 'deleteGroup', groupId: group.id })}
            >
              <Trash2 aria-hidden className="size-4" />
            </Button>
          </li>
        ))}
        {notes.map((note, index) => (
          <li key={note.id} className="flex flex-wrap items-end gap-2">
            <label className="flex flex-1 flex-col gap-0.5 text-xs">
              <span>Note {index + 1}</span>
              <textarea
                value={note.text}
                rows={2}
                onChange={(event) =>
                  apply({ kind: 'setNote', note: { ...note, text: event.target.value } }, `${note.id}:text`)
                }
                className="rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
              />
            </label>
            <Button
              variant="ghost"
              aria-label={`Delete note ${index + 1}`}
              onClick={() => apply({ kind: 'deleteNote', noteId: note.id })}
            >
              <Trash2 aria-hidden className="size-4" />
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
