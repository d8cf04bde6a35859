import { describe, expect, test } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.ts';

describe('cursors', () => {
  test('give back the sort key they were made from, microseconds and all', () => {
    const keys = ['2026-01-01 00:00:00.123456+00', '0b9e3a50-0000-4000-8000-000000000000'];
    const cursor = encodeCursor('schemas:-updatedAt', keys);
    expect(cursor).toMatch(/^[\w-]+$/); // URL-safe as it is
    expect(decodeCursor(cursor, 'schemas:-updatedAt', 2)).toEqual(keys);
  });

  test.each([
    ['garbage', 'not base64 JSON at all'],
    [Buffer.from('{"o":"schemas:name"}').toString('base64url'), 'no keys'],
    [encodeCursor('schemas:name', ['a', 'b']), 'another order (another sort)'],
    [encodeCursor('schemas:-updatedAt', ['a']), 'too few keys'],
  ])('refuse %s (%s) with a VALIDATION_ERROR at cursor', (cursor) => {
    expect(() => decodeCursor(cursor, 'schemas:-updatedAt', 2)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_ERROR',
        details: [expect.objectContaining({ path: 'cursor' })],
      }),
    );
  });
});
