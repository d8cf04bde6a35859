import { TRPCClientError } from '@trpc/client';
import { apiErrorOf } from '../../api/errors.ts';

/**
 * How many seconds a locked-out address must wait, from a 429's `Retry-After` (tRPC keeps the
 * HTTP response on the error's meta). Undefined for any other failure.
 */
export function retryAfterSecondsOf(error: unknown): number | undefined {
  if (apiErrorOf(error)?.code !== 'RATE_LIMITED') return undefined;
  const meta: unknown = error instanceof TRPCClientError ? error.meta : undefined;
  const response = (meta as { response?: unknown } | undefined)?.response;
  const header = response instanceof Response ? response.headers.get('retry-after') : null;
  const seconds = Number(header);
  // Without the header the message still says to wait; one minute is a modest guess.
  return header !== null && Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 60;
}

/** "Try again in 42 seconds", "… in 3 minutes", "… in 1 second". */
export function waitText(seconds: number): string {
  if (seconds >= 120) return `Try again in ${Math.ceil(seconds / 60)} minutes.`;
  return `Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`;
}
