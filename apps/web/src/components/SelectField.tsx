import { clsx } from 'clsx';
import { Check, ChevronDown } from 'lucide-react';
import { Select } from 'radix-ui';
import { controlBorder, FieldFrame, type FieldMessages, useFieldIds } from './Field.tsx';

export interface SelectFieldProps<Value extends string> extends FieldMessages {
  label: string;
  value: Value;
  options: readonly Value[];
  labels: Record<Value, string>;
  onChange: (value: Value) => void;
  className?: string;
}

/** A labelled Radix Select (a combobox by keyboard and screen reader) with its error announced. */
export function SelectField<Value extends string>({
  label,
  value,
  options,
  labels,
  onChange,
  error,
  hint,
  className,
}: SelectFieldProps<Value>) {
  const ids = useFieldIds({ error, hint });
  return (
    <FieldFrame label={label} ids={ids} error={error} hint={hint} className={className}>
      <Select.Root
        value={value}
        onValueChange={(next) => {
          const chosen = options.find((option) => option === next);
          if (chosen !== undefined) onChange(chosen);
        }}
      >
        <Select.Trigger
          {...ids.control}
          className={clsx(
            'flex items-center justify-between gap-2 rounded-md border bg-white px-3 py-2 text-left text-sm dark:bg-slate-900',
            controlBorder(error),
          )}
        >
          <Select.Value />
          <Select.Icon>
            <ChevronDown aria-hidden className="size-4" />
          </Select.Icon>
        </Select.Trigger>
        <Select.Portal>
          <Select.Content
            position="popper"
            sideOffset={4}
            className="z-50 max-h-72 min-w-[var(--radix-select-trigger-width)] overflow-hidden rounded-md border border-slate-200 bg-white shadow-lg dark:border-slate-700 dark:bg-slate-900"
          >
            <Select.Viewport className="p-1">
              {options.map((option) => (
                <Select.Item
                  key={option}
                  value={option}
                  className="relative flex cursor-default items-center rounded py-1.5 pr-2 pl-7 text-sm outline-none select-none data-[highlighted]:bg-sky-100 dark:data-[highlighted]:bg-slate-800"
                >
                  <Select.ItemIndicator className="absolute left-1.5">
                    <Check aria-hidden className="size-4" />
                  </Select.ItemIndicator>
                  <Select.ItemText>{labels[option]}</Select.ItemText>
                </Select.Item>
              ))}
            </Select.Viewport>
          </Select.Content>
        </Select.Portal>
      </Select.Root>
    </FieldFrame>
  );
}
