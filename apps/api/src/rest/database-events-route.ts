import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DatabaseEvent } from '../domain/databases/events.ts';
import { statusOf, toErrorBody } from '../errors/to-error-body.ts';
import { formatServerSentEvent, SSE_HEARTBEAT, SSE_HEARTBEAT_MS } from '../http/server-sent-events.ts';
import type { Context } from '../trpc/context.ts';
import { createCaller } from '../trpc/root.ts';
import { REST_PREFIX } from './routes.ts';

export interface DatabaseEventsRouteOptions {
  createContext: (opts: { req: FastifyRequest; res: FastifyReply }) => Context;
  onError: (opts: { error: Error; path?: string | undefined; req: FastifyRequest }) => void;
  /** Between heartbeat comments (default SSE_HEARTBEAT_MS; tests shorten it). */
  heartbeatMs?: number;
}

const formatStatusEvent = (event: DatabaseEvent) => formatServerSentEvent('status', event);

/**
 * `GET /api/v1/schemas/{id}/database/events`: the `databases.events` subscription as a
 * `text/event-stream` for REST clients (`EventSource`, `curl -N`). It runs the same procedure
 * through the tRPC caller (authentication, ownership, input validation), and opens the stream
 * only once the first event (the current state) is there: a stranger, a bad id or a missing
 * credential gets the usual JSON error with its status, never an open stream. Then one
 * `event: status` per change, a `: heartbeat` comment every 15 s, until the client disconnects.
 */
export async function databaseEventsRoute(
  app: FastifyInstance,
  { createContext, onError, heartbeatMs = SSE_HEARTBEAT_MS }: DatabaseEventsRouteOptions,
): Promise<void> {
  app.get(`${REST_PREFIX}/schemas/:id/database/events`, async (request, reply) => {
    const gone = new AbortController();
    reply.raw.once('close', () => gone.abort());
    const caller = createCaller(createContext({ req: request, res: reply }), { signal: gone.signal });
    const { id } = request.params as { id: string };
    let events: AsyncIterator<DatabaseEvent>;
    let first: IteratorResult<DatabaseEvent>;
    try {
      events = (await caller.databases.events({ id }))[Symbol.asyncIterator]();
      first = await events.next();
    } catch (error) {
      gone.abort();
      const body = toErrorBody(error, request.id);
      if (error instanceof Error) onError({ error, path: 'databases.events', req: request });
      return reply.status(statusOf(body.code)).send({ error: body });
    }

    const stream = new PassThrough();
    if (!first.done) stream.write(formatStatusEvent(first.value));
    const heartbeat = setInterval(() => stream.write(SSE_HEARTBEAT), heartbeatMs);
    const pump = async () => {
      try {
        for (let next = await events.next(); !next.done; next = await events.next())
          stream.write(formatStatusEvent(next.value));
      } catch (error) {
        if (error instanceof Error) onError({ error, path: 'databases.events', req: request });
      } finally {
        clearInterval(heartbeat);
        await events.return?.();
        stream.end();
      }
    };
    void pump();
    return (
      reply
        .header('content-type', 'text/event-stream; charset=utf-8')
        .header('cache-control', 'no-cache, no-transform')
        .header('x-accel-buffering', 'no')
        // A stream is the connection's last response: no keep-alive hint for a client to hold an
        // idle connection open on (and a server shutdown up) for 72 s after it hangs up.
        .header('connection', 'close')
        .send(stream)
    );
  });
}
