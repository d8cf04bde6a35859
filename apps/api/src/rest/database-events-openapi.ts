import type { OpenAPIObject } from 'trpc-to-openapi';
import { z } from 'zod';
import { DatabaseEventSchema } from '../domain/databases/events.ts';
import { documentedErrorCodes, errorResponseOf } from './error-responses.ts';
import { EXAMPLE_IDS } from './examples.ts';

type PathsObject = NonNullable<OpenAPIObject['paths']>;

/** What the stream can answer instead of opening: the status route's refusals. */
const REFUSALS: Record<number, string> = { 404: 'SCHEMA_NOT_FOUND' };

/**
 * The REST event stream in the OpenAPI document. It is a Fastify route of its own (a stream is
 * no procedure answer), so the adapter does not see it: described here, by hand, with the same
 * error documentation as every other operation.
 */
export function databaseEventsPaths(): PathsObject {
  // An empty registry: the event schema inline, without the `$defs` its registered id would add.
  const { $schema: _dialect, ...event } = z.toJSONSchema(DatabaseEventSchema, {
    io: 'output',
    metadata: z.registry(),
  });
  const errors = documentedErrorCodes({
    method: 'GET',
    errorResponses: REFUSALS,
    voidInput: false,
    scope: 'user',
  });
  return {
    '/schemas/{id}/database/events': {
      get: {
        operationId: 'databases-events',
        tags: ['databases'],
        summary: "The design's database events as server-sent events",
        description:
          'A `text/event-stream`: first `event: status` with the current state (`status` null while the ' +
          'design has no database), then one per change (status, job in flight, step reached), and a ' +
          '`: heartbeat` comment every 15 s, until the client disconnects. Each `data:` line is one ' +
          'JSON DatabaseEvent (`x-event-data`). Names, errors and credentials are on the status route, not here.',
        security: [{ Authorization: [] }],
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            schema: { type: 'string', format: 'uuid' },
            example: EXAMPLE_IDS.schema,
          },
        ],
        responses: {
          '200': {
            description: 'The stream; each `data:` is a DatabaseEvent',
            content: { 'text/event-stream': { schema: { type: 'string' }, 'x-event-data': event } },
          },
          ...Object.fromEntries(
            [...errors].map(([status, codes]) => [String(status), errorResponseOf(codes)]),
          ),
        },
      },
    },
  } as PathsObject;
}
