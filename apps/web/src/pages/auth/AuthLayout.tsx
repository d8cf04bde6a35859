import { Database } from 'lucide-react';
import type { ReactNode } from 'react';

/** The frame of the signed-out pages: the product's name, a heading and one card. */
export function AuthLayout({
  title,
  children,
  footer,
}: {
  title: string;
  children: ReactNode;
  footer: ReactNode;
}) {
  return (
    <main className="flex min-h-screen items-start justify-center px-4 py-12 sm:items-center">
      <div className="w-full max-w-sm">
        <p className="mb-6 flex items-center justify-center gap-2 text-lg font-semibold">
          <Database aria-hidden className="size-6 text-sky-700 dark:text-sky-400" />
          schema-builder
        </p>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <h1 className="mb-4 text-2xl font-semibold">{title}</h1>
          {children}
        </div>
        <p className="mt-4 text-center text-sm">{footer}</p>
      </div>
    </main>
  );
}

/** A problem with the whole form (not one field): the service's message. */
export function FormError({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p
      role="alert"
      className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      {message}
    </p>
  );
}
