import { describe, expect, test } from 'vitest';
import { checkDefault } from '../validation/defaults.ts';
import {
  arrayDefaultElements,
  normalizeArrayDefault,
  parsePostgresArrayLiteral,
  renderPostgresArrayLiteral,
} from './array-default.ts';

describe('array defaults', () => {
  test.each<[string, Array<string | null> | undefined]>([
    ['{}', []],
    ['{a,b}', ['a', 'b']],
    ['{"a b","x,y",NULL}', ['a b', 'x,y', null]],
    ['{"NULL"}', ['NULL']],
    ['{"a\\"b","c\\\\d"}', ['a"b', 'c\\d']],
    ['{ 1 , 2 }', ['1', '2']],
    ['{{1,2},{3,4}}', undefined],
    ['{a,}', undefined],
    ['{"a}', undefined],
    ['[1:2]={1,2}', undefined],
    ['a,b', undefined],
  ])('the array literal %s reads as %j', (text, elements) => {
    expect(parsePostgresArrayLiteral(text)).toEqual(elements);
  });

  test('elements are written quoted, so any text fits, and read back the same', () => {
    const elements = ['a b', 'x,y', 'NULL', 'q"uote', 'back\\slash', '', '{}'];
    const literal = renderPostgresArrayLiteral([...elements, null]);
    expect(literal).toBe('{"a b","x,y","NULL","q\\"uote","back\\\\slash","","{}",NULL}');
    expect(parsePostgresArrayLiteral(literal)).toEqual([...elements, null]);
    expect(renderPostgresArrayLiteral([1, 2.5, true])).toBe('{1,2.5,true}');
  });

  test('a JSON array and an array literal mean the same elements, typed for the column', () => {
    expect(arrayDefaultElements([1, 2], 'INTEGER')).toEqual([1, 2]);
    expect(arrayDefaultElements('{1,2}', 'INTEGER')).toEqual([1, 2]);
    expect(arrayDefaultElements('[1, 2]', 'INTEGER')).toEqual([1, 2]);
    expect(arrayDefaultElements('{0.50}', 'NUMERIC')).toEqual(['0.50']);
    expect(arrayDefaultElements('{t,f,NULL}', 'BOOLEAN')).toEqual([true, false, null]);
    expect(arrayDefaultElements('{1,2}', 'TEXT')).toEqual(['1', '2']);
    expect(arrayDefaultElements([[1], [2]], 'INTEGER')).toBeUndefined();
    expect(normalizeArrayDefault('{}', 'TEXT')).toEqual({ kind: 'literal', value: [] });
    expect(normalizeArrayDefault('', 'TEXT')).toBeUndefined();
  });

  test('validation checks each element against the element type, and says which one fails', () => {
    const integers = { dataType: 'INTEGER' as const, array: true };
    expect(checkDefault(integers, [1, 2, null])).toBeUndefined();
    expect(checkDefault(integers, '{1,2}')).toBeUndefined();
    expect(checkDefault(integers, [1, 'x'])).toMatch(/^element 2: "x" is not a whole number/);
    expect(checkDefault(integers, 'nope')).toMatch(/is not a list of values/);
    expect(checkDefault(integers, [[1]])).toMatch(/is not a list of values/);
    expect(checkDefault({ dataType: 'VARCHAR', length: 2, array: true }, ['ab', 'abc'])).toMatch(
      /^element 2: .* at most 2/,
    );
    expect(
      checkDefault({ dataType: 'ENUM', array: true }, ['new', 'old'], { name: 'status', values: ['new'] }),
    ).toMatch(/^element 2: "old" is not a value of enum/);
  });
});
