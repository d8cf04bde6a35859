import type { DesignDocument } from '@schema-builder/schema-model/design';
import { useQuery } from '@tanstack/react-query';
import { AlertTriangle, CircleCheck, CircleX } from 'lucide-react';
import { trpc, trpcClient } from '../../api/trpc.ts';
import { ErrorState, LoadingState } from '../../components/States.tsx';

/**
 * What the service's validator says about the saved design: errors (it cannot be built) and
 * warnings. Validation is a POST that changes nothing, so it is cached like a read, per version.
 */
export function ProblemsSection({
  designId,
  version,
  design,
}: {
  designId: string;
  version: number;
  design: DesignDocument;
}) {
  const verdict = useQuery({
    queryKey: [...trpc.schemas.validate.mutationKey(), designId, version],
    queryFn: () => trpcClient.schemas.validate.mutate(design),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return (
    <section aria-labelledby="problems-heading" className="flex flex-col gap-2">
      <h2 id="problems-heading" className="text-lg font-semibold">
        Problems
      </h2>
      {verdict.isPending ? (
        <LoadingState label="Checking the design…" />
      ) : verdict.isError ? (
        <ErrorState error={verdict.error} onRetry={() => void verdict.refetch()} />
      ) : (
        <>
          <p className="flex items-center gap-2 text-sm">
            {verdict.data.valid ? (
              <CircleCheck aria-hidden className="size-4 text-emerald-600" />
            ) : (
              <CircleX aria-hidden className="size-4 text-red-700 dark:text-red-400" />
            )}
            {verdictOf(verdict.data.errors.length, verdict.data.warnings.length)}
          </p>
          <ul aria-label="Problems" className="flex flex-col gap-1 text-sm">
            {[...verdict.data.errors, ...verdict.data.warnings].map((issue) => (
              <li key={`${issue.severity}:${issue.code}:${issue.path}`} className="flex items-start gap-2">
                {issue.severity === 'error' ? (
                  <CircleX aria-hidden className="mt-0.5 size-4 shrink-0 text-red-700 dark:text-red-400" />
                ) : (
                  <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0 text-amber-600" />
                )}
                <span>
                  <span className="font-semibold">{issue.severity === 'error' ? 'Error' : 'Warning'}</span>{' '}
                  <span className="font-mono text-xs">{issue.path}</span>: {issue.message}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** One line that sums the verdict up before the list. */
export function verdictOf(errors: number, warnings: number): string {
  if (errors > 0)
    return `Not valid: ${count(errors, 'error')}${warnings ? ` and ${count(warnings, 'warning')}` : ''}.`;
  if (warnings > 0) return `Valid, with ${count(warnings, 'warning')}.`;
  return 'No problems: the design is valid.';
}
