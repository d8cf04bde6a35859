import { columnInfoOf, markersOf } from './catalog-details.ts';

/**
 * A column's type and its key markers as words (PK, FK, unique, indexed, not null), part of the
 * row's accessible name: each word is its own text, spaced, so it is read as words.
 */
export function ColumnMarkers({ details }: { details: Record<string, unknown> }) {
  const column = columnInfoOf(details);
  return (
    <span className="ml-auto flex shrink-0 items-center gap-1 pl-2 text-xs text-slate-600 dark:text-slate-400">
      <span className="font-mono"> {column.type}</span>
      {markersOf(column).map((marker) => (
        <span key={marker} className="rounded border border-slate-300 px-1 dark:border-slate-600">
          {' '}
          {marker}
        </span>
      ))}
    </span>
  );
}
