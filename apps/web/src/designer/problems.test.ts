import { validateDesign } from '@schema-builder/schema-model/validation';
import { expect, test } from 'vitest';
import { indexProblems, keepUnchangedProblems, targetOf } from './problems.ts';
import type { Design } from './state/edits.ts';

const design: Design = {
  name: 'shop',
  tables: [
    {
      id: 't1',
      name: 'customers',
      columns: [{ id: 'c1', name: 'id', dataType: 'BIGINT', primaryKey: true }],
    },
    {
      id: 't2',
      name: 'orders',
      columns: [
        { id: 'c2', name: 'id', dataType: 'BIGINT', primaryKey: true },
        { id: 'c3', name: 'id', dataType: 'TEXT' },
      ],
    },
  ],
};

test("a real validator issue is placed on the column it names, by the column's id", () => {
  const { errors } = validateDesign(design);
  expect(errors.length).toBeGreaterThan(0);
  const index = indexProblems(design, errors);
  expect([...index.byColumn.keys()]).toContain('t2/c3');
});

test('paths map to tables, columns and foreign keys; anything else concerns the design', () => {
  expect(targetOf(design, { path: 'tables[1].columns[0].dataType' })).toEqual({
    tableId: 't2',
    columnId: 'c2',
  });
  expect(targetOf(design, { path: 'tables[0].name' })).toEqual({ tableId: 't1', columnId: undefined });
  expect(targetOf(design, { path: 'name' })).toEqual({});
  expect(targetOf(design, { path: 'tables[9].name' })).toEqual({ tableId: undefined, columnId: undefined });
});

test('a second validation that finds the same problems hands back the first lists; changed ones are new', () => {
  const first = indexProblems(design, validateDesign(design).errors);
  const again = keepUnchangedProblems(first, indexProblems(design, validateDesign(design).errors));
  expect(again.byColumn.get('t2/c3')).toBe(first.byColumn.get('t2/c3'));

  const renamed: Design = {
    ...design,
    tables: design.tables.map((table) =>
      table.id === 't2'
        ? { ...table, columns: table.columns.map((column) => ({ ...column, name: column.id })) }
        : { ...table, columns: [...table.columns, { id: 'c9', name: 'id', dataType: 'TEXT' }] },
    ),
  };
  const changed = keepUnchangedProblems(first, indexProblems(renamed, validateDesign(renamed).errors));
  expect(changed.byColumn.has('t2/c3')).toBe(false);
  expect(changed.byColumn.get('t1/c9')).toBeDefined();
  expect(changed.byColumn.get('t1/c9')).not.toBe(first.byColumn.get('t1/c9'));
});
