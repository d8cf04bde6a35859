import { TriangleAlert } from 'lucide-react';

export interface ExportWarningItem {
  code: string;
  path: string;
  message: string;
}

/**
 * What an export changes from the design for its dialect (the export's `warnings`): listed
 * beside the SQL, since the same spots only carry a comment inside it. Nothing when exact.
 */
export function ExportWarnings({
  warnings,
  dialectLabel,
}: {
  warnings: readonly ExportWarningItem[];
  dialectLabel: string;
}) {
  if (warnings.length === 0) return null;
  const title = `${warnings.length === 1 ? '1 change' : `${warnings.length} changes`} in ${dialectLabel}`;
  return (
    <section
      aria-label={title}
      className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950"
    >
      <h3 className="flex items-center gap-2 font-medium">
        <TriangleAlert aria-hidden className="size-4" />
        {title}
      </h3>
      <ul className="mt-2 flex max-h-48 flex-col gap-1 overflow-auto">
        {warnings.map((warning) => (
          <li key={`${warning.code} ${warning.path}`}>
            <code className="font-mono text-xs">{warning.path}</code>: {warning.message}{' '}
            <span className="text-xs text-slate-600 dark:text-slate-300">({warning.code})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
