import { expect, test } from 'vitest';
import { columnFactsOf } from './design-columns.ts';

test('a column shows its type, its keys and whether it may be null, foreign keys by name', () => {
  const facts = columnFactsOf({
    name: 'shop',
    enums: [{ id: 'e1', name: 'order_state', values: ['new', 'paid'] }],
    tables: [
      {
        id: 't1',
        name: 'customers',
        columns: [
          { id: 'c1', name: 'id', dataType: 'int', primaryKey: true, autoIncrement: true },
          { id: 'c2', name: 'email', dataType: 'VARCHAR', length: 255, unique: true, nullable: false },
        ],
      },
      {
        id: 't2',
        name: 'orders',
        columns: [
          { id: 'c3', name: 'customer_id', dataType: 'INT', defaultValue: 0 },
          { id: 'c4', name: 'state', dataType: 'ENUM', enumId: 'e1', defaultValue: 'new' },
          { id: 'c5', name: 'total', dataType: 'DECIMAL', precision: 10, scale: 2 },
        ],
      },
    ],
    foreignKeys: [
      { id: 'f1', sourceTableId: 't2', sourceColumnId: 'c3', targetTableId: 't1', targetColumnId: 'c1' },
    ],
  });
  expect(facts.get('t1:c1')).toEqual({
    type: 'INT, auto-increment',
    primaryKey: true,
    references: [],
    unique: false,
    notNull: true,
    defaultValue: undefined,
  });
  expect(facts.get('t1:c2')).toMatchObject({ type: 'VARCHAR(255)', unique: true, notNull: true });
  expect(facts.get('t2:c3')).toMatchObject({
    references: ['customers.id'],
    notNull: false,
    defaultValue: '0',
  });
  expect(facts.get('t2:c4')).toMatchObject({ type: 'ENUM order_state', defaultValue: 'new' });
  expect(facts.get('t2:c5')).toMatchObject({ type: 'DECIMAL(10, 2)' });
});

test('a composite foreign key marks each of its columns with the column it references', () => {
  const facts = columnFactsOf({
    name: 'lines',
    tables: [
      {
        id: 'a',
        name: 'orders',
        columns: [
          { id: 'a1', name: 'shop', dataType: 'INT', primaryKey: true },
          { id: 'a2', name: 'number', dataType: 'INT', primaryKey: true },
        ],
      },
      {
        id: 'b',
        name: 'lines',
        columns: [
          { id: 'b1', name: 'shop', dataType: 'INT' },
          { id: 'b2', name: 'order_number', dataType: 'INT' },
        ],
      },
    ],
    foreignKeys: [
      {
        id: 'f',
        sourceTableId: 'b',
        sourceColumnIds: ['b1', 'b2'],
        targetTableId: 'a',
        targetColumnIds: ['a1', 'a2'],
      },
    ],
  });
  expect(facts.get('b:b1')?.references).toEqual(['orders.shop']);
  expect(facts.get('b:b2')?.references).toEqual(['orders.number']);
});

test('an array column shows its element type followed by []', () => {
  const facts = columnFactsOf({
    name: 'tags',
    enums: [{ id: 'e1', name: 'mood', values: ['happy'] }],
    tables: [
      {
        id: 't1',
        name: 'posts',
        columns: [
          { id: 'c1', name: 'tags', dataType: 'VARCHAR', length: 20, array: true, defaultValue: [] },
          { id: 'c2', name: 'moods', dataType: 'ENUM', enumId: 'e1', array: true },
          { id: 'c3', name: 'ip', dataType: 'INET' },
        ],
      },
    ],
  });
  expect(facts.get('t1:c1')).toMatchObject({ type: 'VARCHAR(20)[]' });
  expect(facts.get('t1:c2')).toMatchObject({ type: 'ENUM mood[]' });
  expect(facts.get('t1:c3')).toMatchObject({ type: 'INET' });
});

test('an unsigned integer and a binary type say so', () => {
  const facts = columnFactsOf({
    name: 'keys',
    tables: [
      {
        id: 't1',
        name: 'tokens',
        columns: [
          { id: 'c1', name: 'id', dataType: 'BINARY', length: 16, primaryKey: true },
          { id: 'c2', name: 'uses', dataType: 'INTEGER', unsigned: true, autoIncrement: true },
        ],
      },
    ],
  });
  expect(facts.get('t1:c1')).toMatchObject({ type: 'BINARY(16)' });
  expect(facts.get('t1:c2')).toMatchObject({ type: 'INTEGER UNSIGNED, auto-increment' });
});
