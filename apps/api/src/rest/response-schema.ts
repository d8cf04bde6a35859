import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

/**
 * The keywords fast-json-stringify reads to write a value. Everything else (formats, patterns,
 * bounds, descriptions, examples, OpenAPI overrides) only validates or documents, which the
 * output schema has already done, so it is left out: a schema without `type` is written with
 * JSON.stringify, as the value came.
 */
const SERIALISATION_KEYWORDS: ReadonlySet<string> = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'prefixItems',
  'anyOf',
  'oneOf',
  'allOf',
  'const',
  'enum',
  '$ref',
  '$defs',
]);

/** Keywords whose value is a map of names to schemas, not a schema. */
const SCHEMA_MAPS: ReadonlySet<string> = new Set(['properties', '$defs']);

/**
 * The response schema Fastify compiles into a serialiser (fast-json-stringify) for a procedure's
 * zod output schema, or undefined when there is none. The value it writes is the output
 * schema's parse (tRPC checked it), so the schema only says which fields exist and their JSON
 * types; unrepresentable parts (custom checks, dates) become "anything", written as is.
 */
export function responseSchemaOf(output: unknown): JsonSchema | undefined {
  if (!(output instanceof z.ZodType)) return undefined;
  const { $schema: _dialect, ...schema } = z.toJSONSchema(output, { io: 'output', unrepresentable: 'any' });
  return serialisationOnly(schema) as JsonSchema;
}

function serialisationOnly(value: unknown, isMap = false): unknown {
  if (Array.isArray(value)) return value.map((item) => serialisationOnly(item));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).filter(([key]) => isMap || SERIALISATION_KEYWORDS.has(key));
  return Object.fromEntries(
    entries.map(([key, child]) => [
      key,
      // `enum` and `const` hold values; `required` names. Only schemas are filtered.
      key === 'enum' || key === 'const' || key === 'required'
        ? child
        : serialisationOnly(child, !isMap && SCHEMA_MAPS.has(key)),
    ]),
  );
}
