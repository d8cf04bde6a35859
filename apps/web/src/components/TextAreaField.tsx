import { clsx } from 'clsx';
import type { TextareaHTMLAttributes } from 'react';
import { controlBorder, FieldFrame, type FieldMessages, useFieldIds } from './Field.tsx';

export interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement>, FieldMessages {
  label: string;
}

/** A labelled textarea whose error is announced with it, like TextField. */
export function TextAreaField({ label, error, hint, className, id, ...textarea }: TextAreaFieldProps) {
  const ids = useFieldIds({ error, hint }, id);
  return (
    <FieldFrame label={label} ids={ids} error={error} hint={hint} className={className}>
      <textarea
        {...ids.control}
        className={clsx(
          'rounded-md border bg-white px-3 py-2 font-mono text-xs dark:bg-slate-900',
          controlBorder(error),
        )}
        {...textarea}
      />
    </FieldFrame>
  );
}
