import { AlertTriangle, Inbox, LoaderCircle } from 'lucide-react';
import type { ReactNode } from 'react';
import { apiErrorOf, messageOf } from '../api/errors.ts';
import { Button } from './Button.tsx';

export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <div role="status" className="flex items-center gap-2 p-6 text-slate-600 dark:text-slate-300">
      <LoaderCircle aria-hidden className="size-5 animate-spin" />
      <span>{label}</span>
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="flex flex-col items-center gap-3 rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
      <Inbox aria-hidden className="size-8 text-slate-500" />
      <p className="font-medium">{title}</p>
      {children}
    </div>
  );
}

/** A failed load: the service's message, its code and request id, and a way to try again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const body = apiErrorOf(error);
  return (
    <div
      role="alert"
      className="flex flex-col gap-2 rounded-lg border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <p className="flex items-center gap-2 font-medium">
        <AlertTriangle aria-hidden className="size-5" />
        {messageOf(error)}
      </p>
      {body && (
        <p className="text-xs">
          {body.code}
          {body.requestId ? ` · request ${body.requestId}` : ''}
        </p>
      )}
      {onRetry && (
        <div>
          <Button onClick={onRetry}>Try again</Button>
        </div>
      )}
    </div>
  );
}
