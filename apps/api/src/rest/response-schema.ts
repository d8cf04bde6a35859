import { z } from 'zod';
import { isStoredJsonSchema, StoredJson } from '../domain/stored-json.ts';

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

/** How a route writes its success bodies (see `responseSchemaOf`). */
export interface ResponseSerialisation {
  /** The JSON schema Fastify compiles into the route's serialiser (fast-json-stringify). */
  schema: JsonSchema;
  /**
   * Top-level fields that may hold a stored document (`mayBeStoredJson`): left out of `schema`
   * and appended by `withStoredJson`, as stored text when they are a StoredJson.
   */
  storedFields: readonly string[];
}

/**
 * The response schema Fastify compiles into a serialiser (fast-json-stringify) for a procedure's
 * zod output schema, or undefined when there is none. The value it writes is the output
 * schema's parse (tRPC checked it), so the schema only says which fields exist and their JSON
 * types; unrepresentable parts (custom checks, dates) become "anything", written as is.
 */
export function responseSchemaOf(output: unknown): ResponseSerialisation | undefined {
  if (!(output instanceof z.ZodType)) return undefined;
  const fields =
    output instanceof z.ZodObject ? Object.entries(output.shape as Record<string, z.ZodType>) : [];
  const storedFields = fields.filter(([, field]) => isStoredJsonSchema(field)).map(([name]) => name);
  const written =
    storedFields.length > 0
      ? z.object(Object.fromEntries(fields.filter(([name]) => !storedFields.includes(name))))
      : output;
  const { $schema: _dialect, ...schema } = z.toJSONSchema(written, { io: 'output', unrepresentable: 'any' });
  return { schema: serialisationOnly(schema) as JsonSchema, storedFields };
}

/**
 * A body written by the compiled serialiser (an object without the stored fields), with the
 * stored fields appended: a StoredJson's text as it came from the database, anything else
 * through JSON.stringify as fast-json-stringify would write it.
 */
export function withStoredJson(
  serialised: string,
  data: Record<string, unknown>,
  storedFields: readonly string[],
): string {
  let body = serialised.slice(0, -1);
  let empty = serialised === '{}';
  for (const name of storedFields) {
    const value = data[name];
    if (value === undefined) continue;
    const json = value instanceof StoredJson ? value.text : JSON.stringify(value);
    body += `${empty ? '' : ','}${JSON.stringify(name)}:${json}`;
    empty = false;
  }
  return `${body}}`;
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
