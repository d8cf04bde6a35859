import type { RouterOutputs } from '@schema-builder/client';
import { Check, ChevronDown } from 'lucide-react';
import { Select } from 'radix-ui';
import { useId } from 'react';

type Connection = RouterOutputs['connections']['list']['items'][number];

/** Which saved connection to browse (Radix Select: a labelled combobox, typeahead, arrow keys). */
export function ConnectionPicker({
  connections,
  value,
  onChange,
}: {
  connections: readonly Connection[];
  value: string | undefined;
  onChange: (id: string) => void;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        Connection
      </label>
      <Select.Root value={value ?? ''} onValueChange={onChange}>
        <Select.Trigger
          id={id}
          className="inline-flex w-full max-w-sm items-center justify-between gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900"
        >
          <Select.Value placeholder="Pick a connection" />
          <Select.Icon>
            <ChevronDown aria-hidden className="size-4" />
          </Select.Icon>
        </Select.Trigger>
        <Select.Portal>
          <Select.Content
            position="popper"
            sideOffset={4}
            className="z-50 max-h-80 min-w-[var(--radix-select-trigger-width)] overflow-hidden rounded-md border border-slate-200 bg-white shadow-lg dark:border-slate-700 dark:bg-slate-900"
          >
            <Select.Viewport className="p-1">
              {connections.map((connection) => (
                <Select.Item
                  key={connection.id}
                  value={connection.id}
                  className="relative flex cursor-default items-center gap-2 rounded px-7 py-1.5 text-sm outline-none data-[highlighted]:bg-sky-100 dark:data-[highlighted]:bg-sky-900"
                >
                  <Select.ItemIndicator className="absolute left-2">
                    <Check aria-hidden className="size-4" />
                  </Select.ItemIndicator>
                  <Select.ItemText>{connection.name}</Select.ItemText>
                  <span className="text-xs text-slate-600 dark:text-slate-400">
                    {connection.type}
                    {connection.active ? '' : ' · paused'}
                  </span>
                </Select.Item>
              ))}
            </Select.Viewport>
          </Select.Content>
        </Select.Portal>
      </Select.Root>
    </div>
  );
}
