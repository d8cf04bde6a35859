import type { OpenAPIObject } from 'trpc-to-openapi';
import { generateOpenApiDocument } from 'trpc-to-openapi';
import type { AppRouter } from '../trpc/root.ts';

export const REST_PREFIX = '/api/v1';

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
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ErrorBody: errorBodySchema },
  };
  return document;
}
