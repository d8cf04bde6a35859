import { CloudCheck, CloudOff, LoaderCircle, PencilLine, TriangleAlert } from 'lucide-react';
import type { SaveStatus } from '../save/editor.ts';

const TEXT: Record<SaveStatus, string> = {
  saved: 'All changes saved',
  unsaved: 'Unsaved changes (kept in this browser)',
  saving: 'Saving…',
  invalid: 'Not saved: the design has errors (kept in this browser)',
  offline: 'Not saved: the server could not be reached; retrying (kept in this browser)',
  conflict: 'Someone else saved a newer version',
};

/** Where the autosave stands, announced politely as it changes. */
export function SaveStatusLine({ status, version }: { status: SaveStatus; version: number }) {
  const icon = {
    saved: <CloudCheck aria-hidden className="size-4 text-emerald-600" />,
    unsaved: <PencilLine aria-hidden className="size-4 text-slate-500" />,
    saving: <LoaderCircle aria-hidden className="size-4 animate-spin" />,
    invalid: <TriangleAlert aria-hidden className="size-4 text-red-600" />,
    offline: <CloudOff aria-hidden className="size-4 text-amber-600" />,
    conflict: <TriangleAlert aria-hidden className="size-4 text-red-600" />,
  }[status];
  return (
    <p role="status" className="flex items-center gap-1.5 text-sm">
      {icon}
      <span>{TEXT[status]}</span>
      <span className="text-slate-500 dark:text-slate-400">· version {version}</span>
    </p>
  );
}
