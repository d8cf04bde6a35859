import { clsx } from 'clsx';
import type { InputHTMLAttributes } from 'react';
import { controlBorder, FieldFrame, type FieldMessages, useFieldIds } from './Field.tsx';

export interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement>, FieldMessages {
  label: string;
}

/** A labelled input whose error is announced with it (aria-invalid + aria-describedby). */
export function TextField({ label, error, hint, className, id, ...input }: TextFieldProps) {
  const ids = useFieldIds({ error, hint }, id);
  return (
    <FieldFrame label={label} ids={ids} error={error} hint={hint} className={className}>
      <input
        {...ids.control}
        className={clsx(
          'rounded-md border bg-white px-3 py-2 text-sm dark:bg-slate-900',
          controlBorder(error),
        )}
        {...input}
      />
    </FieldFrame>
  );
}
