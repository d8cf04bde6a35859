import { describe, expect, test } from 'vitest';
import type { NameClaim, NamedObject, RenameOp } from './name-solver.ts';
import { NameConflictError, solveRenames } from './name-solver.ts';

const obj = (key: string, current: string, target?: string, namespaces = ['r']): NamedObject => ({
  key,
  namespaces,
  current,
  ...(target === undefined ? {} : { target }),
});
const op = (key: string, from: string, to: string, temporary = false): RenameOp => ({
  key,
  from,
  to,
  temporary,
});

describe('solveRenames', () => {
  test.each<[string, NamedObject[], NameClaim[], RenameOp[]]>([
    ['nothing to do', [obj('a', 'x', 'x')], [], []],
    [
      'a chain runs from its free end',
      [obj('a', 'x', 'y'), obj('b', 'y', 'z')],
      [],
      [op('b', 'y', 'z'), op('a', 'x', 'y')],
    ],
    [
      'a swap goes through a temporary name',
      [obj('a', 'x', 'y'), obj('b', 'y', 'x')],
      [],
      [op('b', 'y', 'y_old', true), op('a', 'x', 'y'), op('b', 'y_old', 'x')],
    ],
    [
      'a three-way cycle needs one temporary name',
      [obj('a', 'x', 'y'), obj('b', 'y', 'z'), obj('c', 'z', 'x')],
      [],
      [op('b', 'y', 'y_old', true), op('a', 'x', 'y'), op('c', 'z', 'x'), op('b', 'y_old', 'z')],
    ],
    [
      'the temporary name avoids every name in use or wanted',
      [obj('a', 'x', 'y'), obj('b', 'y', 'x'), obj('c', 'y_old', 'y_old')],
      [],
      [op('b', 'y', 'y_old_1', true), op('a', 'x', 'y'), op('b', 'y_old_1', 'x')],
    ],
    [
      'namespaces are separate: the same name in another one is no conflict',
      [obj('a', 'x', 'y', ['r']), obj('b', 'y', 'y', ['t'])],
      [],
      [op('a', 'x', 'y')],
    ],
    [
      'an object dropped later steps aside for a rename',
      [obj('a', 'x', 'y'), obj('d', 'y')],
      [],
      [op('d', 'y', 'y_old', true), op('a', 'x', 'y')],
    ],
    [
      'an object dropped later steps aside for a new object',
      [obj('d', 'y')],
      [{ namespace: 'r', name: 'y' }],
      [op('d', 'y', 'y_old', true)],
    ],
  ])('%s', (_label, objects, claims, expected) => {
    expect(solveRenames(objects, claims)).toEqual(expected);
  });

  test('a kept name wanted by another object is a conflict in the design', () => {
    expect(() => solveRenames([obj('a', 'x', 'y'), obj('b', 'y', 'y')], [])).toThrow(NameConflictError);
  });
});
