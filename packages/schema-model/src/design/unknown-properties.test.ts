import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { issuesFromZod } from '../validation/zod-issues.ts';
import { closestProperty, strictInputObject, unknownPropertyMessage } from './unknown-properties.ts';

const COLUMN = ['id', 'name', 'dataType', 'length', 'nullable', 'primaryKey', 'unique', 'comment', 'ui'];

describe('closestProperty', () => {
  test.each([
    ['primarykey', 'primaryKey'],
    ['PRIMARYKEY', 'primaryKey'],
    ['datatype', 'dataType'],
    ['nulable', 'nullable'],
    ['nullabel', 'nullable'],
    ['lenght', 'length'],
    ['uniqe', 'unique'],
    ['nme', 'name'],
  ])('suggests a property for the typo %j', (typo, expected) => {
    expect(closestProperty(typo, COLUMN)).toBe(expected);
  });

  test.each(['colour', 'width', 'x', 'foreignKeyTo', 'primary_key_constraint'])(
    'suggests nothing for %j, which is no near miss',
    (key) => {
      expect(closestProperty(key, COLUMN)).toBeUndefined();
    },
  );

  test('a one-letter key is not a typo of another one-letter key', () => {
    expect(closestProperty('z', ['x', 'y'])).toBeUndefined();
  });

  test('takes the nearest property, and the first declared one on a tie', () => {
    expect(closestProperty('nam', ['names', 'name'])).toBe('name');
    expect(closestProperty('ab', ['ax', 'xb'])).toBe('ax');
  });
});

describe('unknownPropertyMessage', () => {
  test('names the closest property', () => {
    expect(unknownPropertyMessage('Columns', 'primarykey', COLUMN)).toBe(
      'Columns have no property "primarykey"; did you mean "primaryKey"?',
    );
  });

  test('points to the ui bag when nothing is close and the object has one', () => {
    expect(unknownPropertyMessage('Tables', 'colour', ['id', 'name', 'ui'])).toBe(
      'Tables have no property "colour". Keep data of your own under "ui".',
    );
  });

  test('says only that the property is unknown when there is neither', () => {
    expect(unknownPropertyMessage('Positions', 'width', ['x', 'y'])).toBe(
      'Positions have no property "width".',
    );
  });
});

describe('strictInputObject', () => {
  test('an extended object suggests among its own properties, added ones included', () => {
    const schema = strictInputObject('Requests', { name: z.string() }).extend({ changeNote: z.string() });
    const result = schema.safeParse({ name: 'x', changeNote: 'y', changenotes: 'z' });
    if (result.success) throw new Error('expected a failure');
    expect(issuesFromZod(result.error)).toEqual([
      {
        code: 'UNKNOWN_PROPERTY',
        severity: 'error',
        path: 'changenotes',
        message: 'Requests have no property "changenotes"; did you mean "changeNote"?',
      },
    ]);
  });

  test('a key that only resembles the wording of the message is not taken for one of ours', () => {
    const plain = z.strictObject({ a: z.string() });
    const result = plain.safeParse({ a: 'x', 'have no property': 1 });
    if (result.success) throw new Error('expected a failure');
    expect(issuesFromZod(result.error).map((issue) => issue.message)).toEqual([
      '"have no property" is not a known property.',
    ]);
  });
});
