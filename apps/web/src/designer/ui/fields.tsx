import { clsx } from 'clsx';
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';

/** Compact labelled controls for the outline, where many fields sit in little room. */
const control =
  'rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900';

export function SmallInput({
  label,
  className,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string }) {
  return (
    <label className={clsx('flex flex-col gap-0.5 text-xs', className)}>
      <span>{label}</span>
      <input className={control} {...input} />
    </label>
  );
}

export function SmallSelect({
  label,
  className,
  children,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & { label: string; children: ReactNode }) {
  return (
    <label className={clsx('flex flex-col gap-0.5 text-xs', className)}>
      <span>{label}</span>
      <select className={control} {...select}>
        {children}
      </select>
    </label>
  );
}

export function SmallCheckbox({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="flex items-center gap-1.5 text-xs">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      {label}
    </label>
  );
}

/** A number field that stores `null` when emptied. */
export function NumberInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number | null | undefined;
  onChange: (value: number | null) => void;
}) {
  return (
    <SmallInput
      label={label}
      type="number"
      inputMode="numeric"
      className="w-24"
      value={value ?? ''}
      onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))}
    />
  );
}
