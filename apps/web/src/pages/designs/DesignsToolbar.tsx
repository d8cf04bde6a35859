import { SCHEMA_SORTS, type SchemaSort } from '@schema-builder/contracts/designs';
import { Search } from 'lucide-react';
import { useEffect, useId, useState } from 'react';

const SORT_LABELS: Record<SchemaSort, string> = {
  '-updatedAt': 'Recently updated',
  updatedAt: 'Least recently updated',
  '-createdAt': 'Newest',
  createdAt: 'Oldest',
  name: 'Name A–Z',
  '-name': 'Name Z–A',
};

/** Typing pauses this long before the list is asked again, so each keystroke is not a request. */
const SEARCH_DELAY_MS = 300;

export function DesignsToolbar({
  search,
  sort,
  onSearch,
  onSort,
}: {
  search: string;
  sort: SchemaSort;
  onSearch: (value: string) => void;
  onSort: (value: SchemaSort) => void;
}) {
  const searchId = useId();
  const sortId = useId();
  const [typed, setTyped] = useState(search);
  // The address changed by other means (back button, "Clear the search"): show what it says.
  useEffect(() => setTyped(search), [search]);
  useEffect(() => {
    if (typed.trim() === search) return;
    const timer = setTimeout(() => onSearch(typed.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed, search, onSearch]);

  return (
    <search className="mb-4 block">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          onSearch(typed.trim());
        }}
      >
        <div className="flex min-w-56 flex-1 flex-col gap-1">
          <label htmlFor={searchId} className="text-sm font-medium">
            Search designs
          </label>
          <div className="relative">
            <Search
              aria-hidden
              className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-slate-500"
            />
            <input
              id={searchId}
              type="search"
              value={typed}
              maxLength={200}
              placeholder="Name or description"
              onChange={(event) => setTyped(event.target.value)}
              className="w-full rounded-md border border-slate-300 bg-white py-2 pr-3 pl-8 text-sm dark:border-slate-600 dark:bg-slate-900"
            />
          </div>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={sortId} className="text-sm font-medium">
            Sort by
          </label>
          <select
            id={sortId}
            value={sort}
            onChange={(event) => {
              const chosen = SCHEMA_SORTS.find((value) => value === event.target.value);
              if (chosen) onSort(chosen);
            }}
            className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900"
          >
            {SCHEMA_SORTS.map((value) => (
              <option key={value} value={value}>
                {SORT_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
      </form>
    </search>
  );
}
