import { apiErrorOf, messageOf } from '../../api/errors.ts';

/** A refused call: the service's message and each reason it gave (e.g. a migration's refusals). */
export function Refusal({ error }: { error: unknown }) {
  const details = apiErrorOf(error)?.details ?? [];
  return (
    <div
      role="alert"
      className="flex flex-col gap-1 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <p className="font-medium">{messageOf(error)}</p>
      {details.length > 0 && (
        <ul className="list-disc pl-5">
          {details.map((detail) => (
            <li key={`${detail.path}:${detail.code}:${detail.message}`}>{detail.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
