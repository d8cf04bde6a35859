import { clsx } from 'clsx';
import { type ReactNode, useId } from 'react';

export interface FieldMessages {
  /** The rule this field breaks (the form's or the server's message for it). */
  error?: string | undefined;
  hint?: string | undefined;
}

/** The ids that tie a control to its label, hint and error (aria-describedby, aria-invalid). */
export function useFieldIds({ error, hint }: FieldMessages, given?: string) {
  const generated = useId();
  const id = given ?? generated;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : undefined, error ? errorId : undefined].filter(Boolean).join(' ');
  return {
    id,
    hintId,
    errorId,
    control: {
      id,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy || undefined,
    },
  };
}

export const controlBorder = (error: string | undefined) =>
  error ? 'border-red-600' : 'border-slate-300 dark:border-slate-600';

/** A label above a control, and its hint and error below, announced with it. */
export function FieldFrame({
  label,
  ids,
  error,
  hint,
  className,
  children,
}: FieldMessages & {
  label: string;
  ids: ReturnType<typeof useFieldIds>;
  className?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className={clsx('flex flex-col gap-1', className)}>
      <label htmlFor={ids.id} className="text-sm font-medium">
        {label}
      </label>
      {children}
      {hint && (
        <p id={ids.hintId} className="text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      )}
      {error && (
        <p id={ids.errorId} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
