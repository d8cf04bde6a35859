import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { mayBeStoredJson, StoredJson } from '../domain/stored-json.ts';
import { responseSchemaOf, withStoredJson } from './response-schema.ts';

const Document = mayBeStoredJson(z.custom<object>((value) => typeof value === 'object' && value !== null));

describe('bodies with stored documents', () => {
  test('a field that may hold a stored document is left to withStoredJson, the rest to the compiled serialiser', () => {
    const response = responseSchemaOf(z.object({ id: z.string(), definition: Document }));
    expect(response?.storedFields).toEqual(['definition']);
    expect(response?.schema).toMatchObject({ properties: { id: { type: 'string' } } });
    expect(JSON.stringify(response?.schema)).not.toContain('definition');
  });

  test('an output without one is compiled whole', () => {
    expect(responseSchemaOf(z.object({ id: z.string() }))?.storedFields).toEqual([]);
  });

  test('a stored document is written as its text, a parsed one as its JSON, an absent one not at all', () => {
    const stored = new StoredJson<object>('{"a": 1, "b": [true, null]}');
    expect(withStoredJson('{"id":"x"}', { id: 'x', definition: stored }, ['definition'])).toBe(
      '{"id":"x","definition":{"a": 1, "b": [true, null]}}',
    );
    expect(withStoredJson('{"id":"x"}', { id: 'x', definition: { a: 1 } }, ['definition'])).toBe(
      '{"id":"x","definition":{"a":1}}',
    );
    expect(withStoredJson('{}', { definition: stored }, ['definition'])).toBe(
      '{"definition":{"a": 1, "b": [true, null]}}',
    );
    expect(withStoredJson('{"id":"x"}', { id: 'x' }, ['definition'])).toBe('{"id":"x"}');
  });

  test('anything else serialising a stored document gets the document', () => {
    const stored = new StoredJson<object>('{"tables": [{"name": "a"}]}');
    expect(JSON.parse(JSON.stringify({ definition: stored }))).toEqual({
      definition: { tables: [{ name: 'a' }] },
    });
  });
});
