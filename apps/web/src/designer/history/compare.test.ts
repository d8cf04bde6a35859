import type { DesignDocument } from '@schema-builder/schema-model/design';
import { describe, expect, test } from 'vitest';
import { compareDesigns } from './compare.ts';

const v1: DesignDocument = {
  name: 'blog',
  tables: [
    {
      id: 't1',
      name: 'authors',
      position: { x: 0, y: 0 },
      columns: [
        { id: 'c1', name: 'id', dataType: 'INT', primaryKey: true },
        { id: 'c2', name: 'email', dataType: 'VARCHAR', length: 255 },
      ],
    },
    {
      id: 't2',
      name: 'posts',
      columns: [
        { id: 'c3', name: 'id', dataType: 'INT', primaryKey: true },
        { id: 'c4', name: 'body', dataType: 'TEXT' },
      ],
    },
  ],
};

const statusOf = (design: DesignDocument, tableId: string) =>
  compareDesigns(v1, design).tables.find((each) => each.table.id === tableId);

describe('compareDesigns', () => {
  test('a version compared with itself has nothing added, removed or changed', () => {
    const result = compareDesigns(v1, v1);
    expect(result.tables.map((each) => each.status)).toEqual(['unchanged', 'unchanged']);
    expect(result.tableCounts).toEqual({ added: 0, removed: 0, changed: 0, unchanged: 2 });
    expect(result.columnCounts.unchanged).toBe(4);
  });

  test('moving a table or unsetting a property that was null is not a change', () => {
    const moved: DesignDocument = {
      ...v1,
      tables: v1.tables.map((table) => ({
        ...table,
        position: { x: 500, y: 300 },
        comment: null,
        ui: { color: 'red' },
      })),
    };
    expect(compareDesigns(v1, moved).tableCounts.unchanged).toBe(2);
  });

  test('an added table lists its columns as added; a removed one comes last with its columns removed', () => {
    const next: DesignDocument = {
      ...v1,
      tables: [
        ...v1.tables.filter((table) => table.id === 't1'),
        { id: 't3', name: 'tags', columns: [{ id: 'c9', name: 'label', dataType: 'TEXT' }] },
      ],
    };
    const result = compareDesigns(v1, next);
    expect(result.tables.map((each) => [each.table.name, each.status])).toEqual([
      ['authors', 'unchanged'],
      ['tags', 'added'],
      ['posts', 'removed'],
    ]);
    expect(statusOf(next, 't3')?.columns.map((each) => each.status)).toEqual(['added']);
    expect(statusOf(next, 't2')?.columns.map((each) => each.status)).toEqual(['removed', 'removed']);
    expect(result.columnCounts).toEqual({ added: 1, removed: 2, changed: 0, unchanged: 2 });
  });

  test('columns are matched by id: a renamed column is changed (not removed and added), a dropped one removed', () => {
    const next: DesignDocument = {
      ...v1,
      tables: [
        {
          id: 't1',
          name: 'writers',
          columns: [
            { id: 'c1', name: 'id', dataType: 'BIGINT', primaryKey: true },
            { id: 'c2', name: 'mail', dataType: 'VARCHAR', length: 255 },
            { id: 'c5', name: 'bio', dataType: 'TEXT' },
          ],
        },
        { id: 't2', name: 'posts', columns: [{ id: 'c3', name: 'id', dataType: 'INT', primaryKey: true }] },
      ],
    };
    const authors = statusOf(next, 't1');
    expect(authors?.status).toBe('changed');
    expect(authors?.previousName).toBe('authors');
    expect(authors?.changes).toEqual(['name']);
    expect(authors?.columns.map((each) => [each.column.name, each.status, each.changes])).toEqual([
      ['id', 'changed', ['dataType']],
      ['mail', 'changed', ['name']],
      ['bio', 'added', []],
    ]);
    const posts = statusOf(next, 't2');
    expect(posts?.status).toBe('changed');
    expect(posts?.columns.map((each) => [each.column.name, each.status])).toEqual([
      ['id', 'unchanged'],
      ['body', 'removed'],
    ]);
  });

  test('a table whose only change is a new foreign key from it, or a new column order, is changed', () => {
    const withKey: DesignDocument = {
      ...v1,
      foreignKeys: [
        { id: 'f1', sourceTableId: 't2', sourceColumnId: 'c3', targetTableId: 't1', targetColumnId: 'c1' },
      ],
    };
    expect(statusOf(withKey, 't2')?.changes).toEqual(['foreignKeys']);
    expect(statusOf(withKey, 't1')?.status).toBe('unchanged');

    const reordered: DesignDocument = {
      ...v1,
      tables: v1.tables.map((table) =>
        table.id === 't1' ? { ...table, columns: [...table.columns].reverse() } : table,
      ),
    };
    expect(statusOf(reordered, 't1')?.status).toBe('changed');
  });
});
