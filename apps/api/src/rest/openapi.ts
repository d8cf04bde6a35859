import { DesignDocumentSchema } from '@schema-builder/schema-model/design';
import type { OpenAPIObject } from 'trpc-to-openapi';
import { generateOpenApiDocument } from 'trpc-to-openapi';
import { z } from 'zod';
import { ERROR_CODE_MEANINGS } from '../errors/code-meanings.ts';
import type { ErrorCode } from '../errors/codes.ts';
import { ERROR_CODES } from '../errors/codes.ts';
import type { AppRouter } from '../trpc/root.ts';
import { databaseEventsPaths } from './database-events-openapi.ts';
import { documentedErrorCodes, errorResponseOf } from './error-responses.ts';
import type { RestRoute } from './routes.ts';
import { REST_PREFIX, restRoutes } from './routes.ts';

type SchemaObject = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string];
type Operation = NonNullable<NonNullable<OpenAPIObject['paths']>[string]['get']>;

const errorBodySchema: SchemaObject = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'details', 'requestId'],
      properties: {
        code: {
          type: 'string',
          enum: [...ERROR_CODES],
          // Generators that read it (openapi-generator, Redocly) show each value's meaning.
          'x-enum-descriptions': ERROR_CODES.map((code) => ERROR_CODE_MEANINGS[code]),
          description: `Stable error code: branch on it, not on \`message\`.\n\n${codeTable(ERROR_CODES)}`,
        },
        message: { type: 'string', description: 'What went wrong and what to do, for a person.' },
        details: {
          type: 'array',
          description: 'Each located problem (a field of the request, a part of the design).',
          items: {
            type: 'object',
            required: ['path', 'code', 'message'],
            properties: {
              path: { type: 'string', description: 'Where, e.g. `tables[0].columns[1].dataType` or `id`.' },
              code: { type: 'string', description: 'What, e.g. `UNSUPPORTED_DATA_TYPE` or `too_small`.' },
              message: { type: 'string' },
            },
          },
        },
        requestId: { type: 'string', description: 'Also in the `x-request-id` header and the log.' },
      },
    },
  },
};

/** The `Location` of a 201 (what was created) or a 202 (where to follow the queued work). */
const locationHeader = (status: number) => ({
  description:
    status === 201 ? 'Where to read what was created' : 'Where to follow the queued work (the status)',
  schema: { type: 'string' as const },
});

/** The OpenAPI document of the REST API, generated from the tRPC procedures' meta. */
export function buildOpenApiDocument(router: AppRouter, appVersion: string) {
  const document = generateOpenApiDocument(router, {
    title: 'schema-builder API',
    description:
      'Design databases as JSON, validate them and turn them into SQL and real PostgreSQL databases. Send `Authorization: Bearer <session token or API key>` (from `POST /auth/sign-in` or `POST /api-keys`). Every error has the body `{ "error": { code, message, details, requestId } }`.',
    version: appVersion,
    baseUrl: REST_PREFIX,
  });
  for (const route of restRoutes(router)) {
    const operation = document.paths?.[route.openapiPath]?.[route.method.toLowerCase() as 'get'];
    if (!operation) continue;
    // Who may call it is the procedure's scope (its base builder), not a flag repeated in its meta.
    operation.security = route.scope === 'public' ? [] : [{ Authorization: [] }];
    documentResponses(operation, route);
    documentExample(operation, route);
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

/**
 * The adapter documents success as 200 and errors in its own shape (one description per status):
 * say what the route really answers (201, 202), and every error status it can answer with, in
 * the one ErrorBody, with the codes behind each status.
 */
function documentResponses(operation: Operation, route: RestRoute): void {
  const responses = operation.responses as Record<
    string,
    { content?: unknown; description?: string; headers?: unknown }
  >;
  for (const status of Object.keys(responses)) if (Number(status) >= 400) delete responses[status];
  const success = responses['200'];
  if (success && route.successStatus !== 200) {
    if (route.okWhenNothingQueued)
      responses['200'] = { ...success, description: 'Nothing was queued (a dry run, or nothing to do)' };
    else delete responses['200'];
    responses[String(route.successStatus)] = route.location
      ? { ...success, headers: { Location: locationHeader(route.successStatus) } }
      : success;
  }
  for (const [status, codes] of documentedErrorCodes(route))
    responses[String(status)] = errorResponseOf(codes);
}

/**
 * The input example (`withExample`) split the way REST sends it: path and query fields become
 * parameter examples, the rest the body's example (which the adapter would otherwise copy whole,
 * path fields included, into the body schema).
 */
function documentExample(operation: Operation, route: RestRoute): void {
  const example = route.inputExample;
  if (!example) return;
  const parameterNames = new Set<string>();
  for (const parameter of operation.parameters ?? []) {
    if ('$ref' in parameter) continue;
    parameterNames.add(parameter.name);
    if (parameter.name in example) parameter.example = example[parameter.name];
  }
  const requestBody = operation.requestBody;
  const media = requestBody && !('$ref' in requestBody) ? requestBody.content['application/json'] : undefined;
  if (!media) return;
  media.example = Object.fromEntries(Object.entries(example).filter(([name]) => !parameterNames.has(name)));
  if (media.schema && !('$ref' in media.schema)) delete media.schema.examples;
}

function codeTable(codes: readonly ErrorCode[]): string {
  const rows = codes.map((code) => `| \`${code}\` | ${ERROR_CODE_MEANINGS[code]} |`);
  return ['| Code | Meaning |', '| --- | --- |', ...rows].join('\n');
}
