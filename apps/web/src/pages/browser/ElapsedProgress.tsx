import { useEffect, useState } from 'react';

/**
 * A progress line for work the API answers in one go (a sync, an import): an indeterminate bar and
 * the seconds so far, announced politely, so the page never looks frozen.
 */
export function ElapsedProgress({ label }: { label: string }) {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <div role="status" className="flex flex-wrap items-center gap-2 text-sm">
      <progress aria-label={label} className="h-2 w-40" />
      <span>
        {label}… {seconds > 0 ? `${seconds} s` : ''}
      </span>
    </div>
  );
}
