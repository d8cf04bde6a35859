import { describe, expect, test } from 'vitest';
import type { ColumnDocument, IndexDocument } from '../design/document.ts';
import { issuesOf, summary, tableAt, validDocument } from './valid-document.test-support.ts';
import { validateDesign } from './validate.ts';

/**
 * PostgreSQL has no B-tree operator class for json (`data type json has no default operator class
 * for access method "btree"`), jsonb has one: keys and indexes may use JSONB, never JSON.
 */

/**
 * Issues once users (tables[0]) has a column `data` like this, and these indexes. A primary key
 * on `data` is composite (id, data), so orders' foreign key to users.id loses its unique target.
 */
function withData(column: Partial<ColumnDocument>, indexes: IndexDocument[] = []): string[] {
  const doc = validDocument();
  const users = tableAt(doc, 0);
  users.columns.push({ id: 'c_users_data', name: 'data', dataType: 'JSON', ...column });
  users.indexes = indexes;
  return summary(validateDesign(doc)).filter((line) => !line.includes('FK_TARGET_NOT_UNIQUE'));
}

describe('keys and indexes on JSON columns', () => {
  test.each<[string, Partial<ColumnDocument>, IndexDocument[], string[]]>([
    ['a plain JSON column', {}, [], []],
    [
      'a JSONB primary key, unique and index',
      { dataType: 'JSONB', primaryKey: true, unique: true },
      [{ name: 'users_data_idx', columns: ['data'] }],
      [],
    ],
    [
      'json, spelled in lower case',
      { dataType: 'json', unique: true },
      [],
      ['error JSON_NOT_INDEXABLE tables[0].columns[2].unique'],
    ],
    [
      'JSON in the primary key',
      { primaryKey: true },
      [],
      ['error JSON_NOT_INDEXABLE tables[0].columns[2].primaryKey'],
    ],
    ['a UNIQUE JSON column', { unique: true }, [], ['error JSON_NOT_INDEXABLE tables[0].columns[2].unique']],
    [
      'JSON in an index, by name',
      {},
      [{ name: 'users_data_idx', columns: ['email', 'data'] }],
      ['error JSON_NOT_INDEXABLE tables[0].indexes[0].columns[1]'],
    ],
    [
      'JSON in a unique index, by id',
      {},
      [{ name: 'users_data_key', columns: ['c_users_data'], unique: true }],
      ['error JSON_NOT_INDEXABLE tables[0].indexes[0].columns[0]'],
    ],
    [
      'each place once',
      { primaryKey: true, unique: true },
      [{ name: 'users_data_idx', columns: ['data'] }],
      [
        'error JSON_NOT_INDEXABLE tables[0].columns[2].primaryKey',
        'error JSON_NOT_INDEXABLE tables[0].columns[2].unique',
        'error JSON_NOT_INDEXABLE tables[0].indexes[0].columns[0]',
      ],
    ],
  ])('%s', (_, column, indexes, expected) => {
    expect(withData(column, indexes)).toEqual(expected);
  });

  test('messages name the column, the table and the way out', () => {
    const doc = validDocument();
    const users = tableAt(doc, 0);
    users.columns.push({ id: 'c_users_data', name: 'data', dataType: 'JSON', unique: true });
    users.indexes = [{ name: 'users_data_idx', columns: ['data'] }];
    expect(issuesOf(validateDesign(doc), 'JSON_NOT_INDEXABLE').map((issue) => issue.message)).toEqual([
      'Column "data" in table "users" is JSON, which PostgreSQL cannot compare for equality, so it cannot be UNIQUE. Use JSONB, which PostgreSQL can compare and index, or leave the column out of it.',
      'Index "users_data_idx" on table "users" uses the column "data", which is JSON: PostgreSQL cannot index JSON. Use JSONB, which PostgreSQL can compare and index, or leave the column out of it.',
    ]);
  });
});
