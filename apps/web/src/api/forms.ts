import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { apiErrorOf, messageOf } from './errors.ts';

/**
 * Puts a failed call's located problems on the form's fields (the API's `details[].path` is the
 * field's name, e.g. `email` or `port`); answers the message for the whole form, or undefined
 * when every problem found its field.
 */
export function applyServerErrors<TValues extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<TValues>,
  fields: readonly Path<TValues>[],
): string | undefined {
  const body = apiErrorOf(error);
  if (!body) return messageOf(error);
  let placed = 0;
  for (const detail of body.details) {
    const field = fields.find((name) => name === detail.path || detail.path.startsWith(`${name}.`));
    if (field) {
      setError(field, { type: 'server', message: detail.message });
      placed++;
    }
  }
  return placed > 0 && placed === body.details.length ? undefined : body.message;
}
