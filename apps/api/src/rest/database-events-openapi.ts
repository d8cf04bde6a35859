import type { OpenAPIObject } from 'trpc-to-openapi';
import { z } from 'zod';
import { DatabaseEventSchema } from '../domain/databases/events.ts';

type PathsObject = NonNullable<OpenAPIObject['paths']>;

/**
 * The REST event stream in the OpenAPI document. It is a Fastify route of its own (a stream is
 * no procedure answer), so the adapter does not see it: described here, by hand.
 */
export function databaseEventsPaths(): PathsObject {
  const { $schema: _dialect, ...event } = z.toJSONSchema(DatabaseEventSchema, { io: 'output' });
  const error = (description: string) => ({
    description,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
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
          'JSON DatabaseEvent. Names, errors and credentials are on the status route, not here.',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        responses: {
          '200': {
            description: 'The stream; each `data:` is a DatabaseEvent',
            content: { 'text/event-stream': { schema: { type: 'string' }, 'x-event-data': event } },
          },
          '401': error('Error body with code UNAUTHORIZED'),
          '403': error('Error body with code FORBIDDEN'),
          '404': error('Error body with code SCHEMA_NOT_FOUND'),
          '422': error('Error body with code VALIDATION_ERROR'),
        },
      },
    },
  } as PathsObject;
}
