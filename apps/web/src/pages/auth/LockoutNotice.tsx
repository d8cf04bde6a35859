import { Clock } from 'lucide-react';
import { useEffect, useState } from 'react';
import { waitText } from './lockout.ts';

export interface LockoutNoticeProps {
  /** The server's message (why). */
  message: string;
  /** When the address may try again (epoch milliseconds). */
  until: number;
  /** Called once the wait is over. */
  onOver: () => void;
}

/**
 * Tells a locked-out address when it may try again, counting down each second. Announced once
 * when it appears (role=alert); the ticking count is not re-announced every second.
 */
export function LockoutNotice({ message, until, onOver }: LockoutNoticeProps) {
  const remaining = useSecondsUntil(until);
  useEffect(() => {
    if (remaining === 0) onOver();
  }, [remaining, onOver]);
  if (remaining === 0) return null;
  // The service ends its message with a vague "Try again later."; the countdown says when.
  const reason = message.replace(/\s*Try again later\.$/, '');
  return (
    <div
      role="alert"
      className="flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <Clock aria-hidden className="mt-0.5 size-4 shrink-0" />
      <p>
        {reason} <span aria-live="off">{waitText(remaining)}</span>
      </p>
    </div>
  );
}

function useSecondsUntil(until: number): number {
  const secondsLeft = () => Math.max(0, Math.ceil((until - Date.now()) / 1000));
  const [remaining, setRemaining] = useState(secondsLeft);
  // biome-ignore lint/correctness/useExhaustiveDependencies: secondsLeft reads `until` only
  useEffect(() => {
    setRemaining(secondsLeft());
    const timer = setInterval(() => setRemaining(secondsLeft()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return remaining;
}
