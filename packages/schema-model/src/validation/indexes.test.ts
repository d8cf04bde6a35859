import { describe, expect, test } from 'vitest';
import type { IndexDocument } from '../design/document.ts';
import { issuesOf, summary, tableAt, validDocument } from './valid-document.test-support.ts';
import { validateDesign } from './validate.ts';

/** Issues once orders (tables[1]) has exactly these indexes. */
function withIndexes(...indexes: IndexDocument[]): string[] {
  const doc = validDocument();
  tableAt(doc, 1).indexes = indexes;
  return summary(validateDesign(doc)).filter((line) => !line.includes('FK_UNINDEXED'));
}

describe('index columns', () => {
  test.each<[string[], string[]]>([
    [['user_id'], []],
    [['c_orders_user'], []],
    [['user_id', 'status', 'id'], []],
    [[], ['error INDEX_WITHOUT_COLUMNS tables[1].indexes[0].columns']],
    [['user_id', 'missing'], ['error INDEX_UNKNOWN_COLUMN tables[1].indexes[0].columns[1]']],
    [['c_users_email'], ['error INDEX_UNKNOWN_COLUMN tables[1].indexes[0].columns[0]']],
    [['User_Id'], ['error INDEX_UNKNOWN_COLUMN tables[1].indexes[0].columns[0]']],
    [['user_id', 'user_id'], ['error INDEX_DUPLICATE_COLUMN tables[1].indexes[0].columns[1]']],
    [['user_id', 'c_orders_user'], ['error INDEX_DUPLICATE_COLUMN tables[1].indexes[0].columns[1]']],
  ])('%j', (columns, expected) => {
    expect(withIndexes({ id: 'i1', name: 'idx', columns })).toEqual(expected);
  });

  test('messages name the index, its table and the column', () => {
    const doc = validDocument();
    tableAt(doc, 1).indexes = [{ name: 'by_user', columns: ['user_id', 'customer_id', 'c_orders_user'] }];
    expect(validateDesign(doc).errors.map((issue) => issue.message)).toEqual([
      'Index "by_user" on table "orders" uses the column "customer_id", which the table does not have.',
      'Index "by_user" on table "orders" lists the column "user_id" more than once.',
    ]);
  });
});

describe('index names and ids', () => {
  test('index names are unique across the whole schema', () => {
    const doc = validDocument();
    tableAt(doc, 0).indexes = [{ name: 'orders_user_id_idx', columns: ['email'] }];
    const issues = issuesOf(validateDesign(doc), 'DUPLICATE_INDEX_NAME');
    expect(issues.map((issue) => [issue.path, issue.message])).toEqual([
      [
        'tables[1].indexes[0].name',
        'Index name "orders_user_id_idx" on table "orders" is already used on table "users". Index names must be unique in the whole schema.',
      ],
    ]);
  });

  test('two indexes of one table with one name', () => {
    expect(withIndexes({ name: 'idx', columns: ['user_id'] }, { name: 'idx', columns: ['status'] })).toEqual([
      'error DUPLICATE_INDEX_NAME tables[1].indexes[1].name',
    ]);
  });

  test('an index may not be named like a table', () => {
    expect(withIndexes({ name: 'users', columns: ['user_id'] })).toEqual([
      'error NAME_CONFLICT tables[1].indexes[0].name',
    ]);
  });

  test('an index may be named like an enum: PostgreSQL keeps types and indexes apart', () => {
    expect(withIndexes({ name: 'order_status', columns: ['status'] })).toEqual([]);
  });

  test('index ids must be unique within their table when given', () => {
    expect(
      withIndexes(
        { id: 'i1', name: 'a', columns: ['user_id'] },
        { id: 'i1', name: 'b', columns: ['status'] },
        { name: 'c', columns: ['id'] },
        { id: null, name: 'd', columns: ['id', 'status'] },
      ),
    ).toEqual(['error DUPLICATE_ID tables[1].indexes[1].id']);
  });

  test('the same index id in two tables is fine', () => {
    const doc = validDocument();
    tableAt(doc, 0).indexes = [{ id: 'i_orders_user', name: 'users_email_idx', columns: ['email'] }];
    expect(summary(validateDesign(doc))).toEqual([]);
  });
});
