import type { ReactNode } from 'react';

/** A refusal or failure told in one line beside the action it concerns, announced as it appears. */
export function InlineError({ children }: { children: ReactNode }) {
  return (
    <p role="alert" className="text-sm text-red-700 dark:text-red-400">
      {children}
    </p>
  );
}
