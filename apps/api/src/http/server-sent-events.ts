/**
 * Server-sent events, as both transports send them: tRPC subscriptions (its own SSE producer,
 * configured in trpc/trpc.ts) and the REST event streams.
 */

/** A comment line this often keeps proxies and load balancers from closing a quiet stream. */
export const SSE_HEARTBEAT_MS = 15_000;

/** The heartbeat: a comment, which `EventSource` ignores. */
export const SSE_HEARTBEAT = ': heartbeat\n\n';

/** One event: its name and its data as JSON on one `data:` line (JSON has no raw newlines). */
export function formatServerSentEvent(name: string, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}
