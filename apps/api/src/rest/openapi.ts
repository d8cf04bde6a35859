import { DesignDocumentSchema } from '@schema-builder/schema-model';
import type { OpenAPIObject } from 'trpc-to-openapi';
import { generateOpenApiDocument } from 'trpc-to-openapi';
import { z } from 'zod';
import type { AppRouter } from '../trpc/root.ts';
import { databaseEventsPaths } from './database-events-openapi.ts';
import { REST_PREFIX, restRoutes } from './routes.ts';

type SchemaObject = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string];

const errorBodySchema: SchemaObject = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'details', 'requestId'],
      properties: {
        code: { type: 'string', description: 'Stable error code, e.g. SCHEMA_NOT_FOUND' },
        message: { type: 'string' },
        details: {
          type: 'array',
          items: {
            type: 'object',
            required: ['path', 'code', 'message'],
            properties: { path: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
          },
        },
        requestId: { type: 'string' },
      },
    },
  },
};

/** The OpenAPI document of the REST API, generated from the tRPC procedures' meta. */
export function buildOpenApiDocument(router: AppRouter, appVersion: string) {
  const document = generateOpenApiDocument(router, {
    title: 'schema-builder API',
    description:
      'Design databases as JSON, validate them and turn them into SQL. Every error has the body `{ "error": { code, message, details, requestId } }`.',
    version: appVersion,
    baseUrl: REST_PREFIX,
  });
  // The adapter describes errors in its own shape (and keeps the first description per status):
  // ours is the one ErrorBody, described by the codes each operation can answer with.
  const errorRef = { $ref: '#/components/schemas/ErrorBody' };
  for (const route of restRoutes(router)) {
    const operation = document.paths?.[route.openapiPath]?.[route.method.toLowerCase() as 'get'];
    const responses: Record<string, { content?: unknown; description?: string }> = operation?.responses ?? {};
    // The adapter always documents success as 200; say what the route really answers (201, 202).
    const success = responses['200'];
    if (success && route.successStatus !== 200) {
      if (route.okWhenNothingQueued)
        responses['200'] = { ...success, description: 'Nothing was queued (a dry run, or nothing to do)' };
      else delete responses['200'];
      responses[String(route.successStatus)] = success;
    }
    for (const [status, response] of Object.entries(responses)) {
      if (Number(status) < 400) continue;
      const codes = route.errorResponses[Number(status)]?.split(', ') ?? [];
      // A fresh object: the adapter may share one response object between operations.
      responses[status] = {
        ...response,
        content: { 'application/json': { schema: errorRef } },
        description: `Error body with code ${codes.join(' or ')}`,
      };
    }
  }
  const schemas = Object.entries(document.components?.schemas ?? {}).filter(
    ([key]) => !key.startsWith('error.'),
  );
  const { $schema: _dialect, ...designDocument } = z.toJSONSchema(DesignDocumentSchema, {
    io: 'input',
    unrepresentable: 'any',
  });
  document.paths = { ...document.paths, ...databaseEventsPaths() };
  document.components = {
    ...document.components,
    schemas: {
      ...Object.fromEntries(schemas),
      DesignDocument: designDocument as SchemaObject,
      ErrorBody: errorBodySchema,
    },
  };
  return document;
}
