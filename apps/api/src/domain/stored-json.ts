/**
 * A JSON document as PostgreSQL stores it (`jsonb::text`), not parsed. The REST adapter writes
 * the text into a response as is (rest/response-schema.ts), so a design read over REST is never
 * parsed and serialised again; anything else that serialises it (`JSON.stringify`, tRPC's
 * transport) gets the same JSON value through `toJSON`. The text came from a jsonb column, so it
 * is valid JSON; only the database makes these.
 */
export class StoredJson<T> {
  constructor(readonly text: string) {}

  /** The document (and, to tRPC's types, what a client receives: `Serialize` follows toJSON). */
  toJSON(): T {
    return JSON.parse(this.text) as T;
  }
}

/**
 * How a procedure hands back a stored document: parsed (tRPC, in-process callers; the default),
 * or `'text'` for the REST adapter, which asks for it in its context.
 */
export type StoredJsonForm = 'value' | 'text';

const storedJsonSchemas = new WeakSet<object>();

/** Marks an output schema whose value may be a StoredJson, for the REST serialiser to write it as is. */
export function mayBeStoredJson<T extends object>(schema: T): T {
  storedJsonSchemas.add(schema);
  return schema;
}

export function isStoredJsonSchema(schema: unknown): boolean {
  return typeof schema === 'object' && schema !== null && storedJsonSchemas.has(schema);
}
