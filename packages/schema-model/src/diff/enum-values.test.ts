import { describe, expect, test } from 'vitest';
import type { EnumValueChange } from './enum-values.ts';
import { enumValueChange } from './enum-values.ts';

describe('enumValueChange: identity of values without ids', () => {
  test.each<[string, string[], string[], EnumValueChange]>([
    ['unchanged', ['a', 'b'], ['a', 'b'], { kind: 'none' }],
    [
      'one value differs in place: renamed',
      ['a', 'b', 'c'],
      ['a', 'x', 'c'],
      { kind: 'rename', from: 'b', to: 'x' },
    ],
    [
      'two differ: removed and added',
      ['a', 'b', 'c'],
      ['a', 'x', 'y'],
      { kind: 'recreate', removed: ['b', 'c'] },
    ],
    ['swapped: reordered, nothing removed', ['a', 'b'], ['b', 'a'], { kind: 'recreate', removed: [] }],
    [
      'a value moved into another place is not a rename',
      ['a', 'b', 'c'],
      ['a', 'c', 'c2'],
      { kind: 'recreate', removed: ['b'] },
    ],
    ['appended', ['a'], ['a', 'b'], { kind: 'add', additions: [{ value: 'b' }] }],
    ['in front', ['b'], ['a', 'b'], { kind: 'add', additions: [{ value: 'a', before: 'b' }] }],
    [
      'in front and in between',
      ['b', 'd'],
      ['a', 'a2', 'b', 'c', 'd'],
      {
        kind: 'add',
        additions: [
          { value: 'a', before: 'b' },
          { value: 'a2', after: 'a' },
          { value: 'c', after: 'b' },
        ],
      },
    ],
    ['into an empty enum', [], ['a', 'b'], { kind: 'add', additions: [{ value: 'a' }, { value: 'b' }] }],
    ['removed at the end', ['a', 'b'], ['a'], { kind: 'recreate', removed: ['b'] }],
  ])('%s', (_label, from, to, expected) => {
    expect(enumValueChange(from, to)).toEqual(expected);
  });
});
