import { validateDesign } from '@schema-builder/schema-model/validation';
import { describe, expect, test } from 'vitest';
import { applyEdit, type Design, type Edit, groupsOf, notesOf } from './edits.ts';
import { copyTables, duplicateTable, newColumn, newTable, pasteTables } from './factories.ts';
import { record, startHistory, undo } from './history.ts';

/** customers 1—n orders, with an index, an enum column and a group. */
function shop(): Design {
  return {
    name: 'shop',
    enums: [{ id: 'e_status', name: 'order_status', values: ['new', 'paid'] }],
    tables: [
      {
        id: 't_customers',
        name: 'customers',
        position: { x: 0, y: 0 },
        columns: [
          { id: 'c_id', name: 'id', dataType: 'BIGINT', primaryKey: true, autoIncrement: true },
          { id: 'c_email', name: 'email', dataType: 'VARCHAR', length: 200, unique: true, nullable: false },
        ],
        indexes: [],
      },
      {
        id: 't_orders',
        name: 'orders',
        position: { x: 300, y: 0 },
        columns: [
          { id: 'o_id', name: 'id', dataType: 'BIGINT', primaryKey: true, autoIncrement: true },
          { id: 'o_customer', name: 'customer_id', dataType: 'BIGINT', nullable: false },
          { id: 'o_status', name: 'status', dataType: 'ENUM', enumId: 'e_status' },
        ],
        indexes: [{ id: 'i_customer', name: 'orders_customer_idx', columns: ['customer_id', 'status'] }],
      },
    ],
    foreignKeys: [
      {
        id: 'fk_orders_customer',
        sourceTableId: 't_orders',
        sourceColumnId: 'o_customer',
        targetTableId: 't_customers',
        targetColumnId: 'c_id',
        onDelete: 'CASCADE',
      },
    ],
    ui: {
      groups: [{ id: 'g_sales', name: 'Sales', color: '#3366ff', tableIds: ['t_customers', 't_orders'] }],
    },
  };
}

const tableNamed = (design: Design, name: string) => design.tables.find((table) => table.name === name);

/** Every edit below, each applied to a fresh design; each must undo to exactly what it was. */
const EDITS: [string, (design: Design) => Edit][] = [
  ['rename the design', () => ({ kind: 'updateDesign', patch: { name: 'store' } })],
  ['add a table', (design) => ({ kind: 'addTables', tables: [newTable(design, { x: 0, y: 300 })] })],
  ['rename a table', () => ({ kind: 'updateTable', tableId: 't_orders', patch: { name: 'purchases' } })],
  ['move tables', () => ({ kind: 'moveTables', positions: { t_orders: { x: 10, y: 20 } } })],
  ['delete a table', () => ({ kind: 'deleteTables', tableIds: ['t_customers'] })],
  ['duplicate a table', (design) => duplicateTable(design, 't_orders')],
  [
    'add a column',
    (design) => ({
      kind: 'addColumn',
      tableId: 't_orders',
      column: newColumn(design.tables[1] ?? newTable(design, { x: 0, y: 0 })),
      at: 1,
    }),
  ],
  [
    'edit a column',
    () => ({
      kind: 'updateColumn',
      tableId: 't_customers',
      columnId: 'c_email',
      patch: { length: 320, nullable: true },
    }),
  ],
  ['reorder a column', () => ({ kind: 'moveColumn', tableId: 't_orders', columnId: 'o_status', to: 0 })],
  ['delete a column', () => ({ kind: 'deleteColumn', tableId: 't_orders', columnId: 'o_customer' })],
  [
    'add an index',
    () => ({
      kind: 'addIndex',
      tableId: 't_customers',
      index: { id: 'i_email', name: 'customers_email_idx', columns: ['email'], unique: true },
    }),
  ],
  [
    'edit an index',
    () => ({ kind: 'updateIndex', tableId: 't_orders', indexId: 'i_customer', patch: { unique: true } }),
  ],
  ['delete an index', () => ({ kind: 'deleteIndex', tableId: 't_orders', indexId: 'i_customer' })],
  [
    'add a foreign key',
    () => ({
      kind: 'addForeignKey',
      foreignKey: {
        id: 'fk_self',
        sourceTableId: 't_customers',
        sourceColumnId: 'c_id',
        targetTableId: 't_customers',
        targetColumnId: 'c_id',
      },
    }),
  ],
  [
    'change a foreign key action',
    () => ({ kind: 'updateForeignKey', foreignKeyId: 'fk_orders_customer', patch: { onDelete: 'RESTRICT' } }),
  ],
  ['delete a foreign key', () => ({ kind: 'deleteForeignKey', foreignKeyId: 'fk_orders_customer' })],
  ['add an enum', () => ({ kind: 'addEnum', enumType: { id: 'e_tier', name: 'tier', values: ['gold'] } })],
  [
    'edit an enum',
    () => ({ kind: 'updateEnum', enumId: 'e_status', patch: { values: ['new', 'paid', 'sent'] } }),
  ],
  ['delete an enum', () => ({ kind: 'deleteEnum', enumId: 'e_status' })],
  [
    'add a group',
    () => ({ kind: 'setGroup', group: { id: 'g_new', name: 'New', color: '#00aa00', tableIds: [] } }),
  ],
  ['delete a group', () => ({ kind: 'deleteGroup', groupId: 'g_sales' })],
  [
    'add a note',
    () => ({ kind: 'setNote', note: { id: 'n_1', text: 'Ask finance', position: { x: 5, y: 5 } } }),
  ],
  ['replace the whole design', () => ({ kind: 'replace', design: { name: 'other', tables: [] } })],
];

describe.each(EDITS)('%s', (_name, makeEdit) => {
  test('changes the design, leaves the original untouched, and undoes to exactly it', () => {
    const original = shop();
    const snapshot = structuredClone(original);
    const history = record(startHistory(original), makeEdit(original));
    expect(history.present).not.toEqual(original);
    expect(original).toEqual(snapshot);
    expect(undo(history).present).toEqual(snapshot);
  });
});

describe('edits keep the design consistent', () => {
  test('deleting a table deletes the foreign keys that touch it and takes it out of its group', () => {
    const after = applyEdit(shop(), { kind: 'deleteTables', tableIds: ['t_customers'] });
    expect(after.foreignKeys).toEqual([]);
    expect(groupsOf(after)[0]?.tableIds).toEqual(['t_orders']);
  });

  test('deleting a column deletes the foreign keys that use it and drops it from indexes', () => {
    const after = applyEdit(shop(), { kind: 'deleteColumn', tableId: 't_orders', columnId: 'o_customer' });
    expect(after.foreignKeys).toEqual([]);
    expect(tableNamed(after, 'orders')?.indexes).toEqual([
      { id: 'i_customer', name: 'orders_customer_idx', columns: ['status'] },
    ]);
    const lastColumn = applyEdit(after, { kind: 'deleteColumn', tableId: 't_orders', columnId: 'o_status' });
    expect(tableNamed(lastColumn, 'orders')?.indexes).toEqual([]);
  });

  test('deleting a column drops it from an index given by keys, which stays while it has keys', () => {
    const design = shop();
    const orders = design.tables[1];
    if (!orders) throw new Error('fixture changed');
    orders.indexes = [
      {
        id: 'i_keys',
        name: 'orders_keys_idx',
        columns: [],
        keys: [{ column: 'customer_id', order: 'DESC' }, { expression: 'lower(status::text)' }],
      },
    ];
    const after = applyEdit(design, { kind: 'deleteColumn', tableId: 't_orders', columnId: 'o_customer' });
    expect(tableNamed(after, 'orders')?.indexes).toEqual([
      { id: 'i_keys', name: 'orders_keys_idx', columns: [], keys: [{ expression: 'lower(status::text)' }] },
    ]);
  });

  test('deleting an enum turns its columns into TEXT, and the design stays valid', () => {
    const after = applyEdit(shop(), { kind: 'deleteEnum', enumId: 'e_status' });
    expect(tableNamed(after, 'orders')?.columns[2]).toMatchObject({ dataType: 'TEXT', enumId: null });
    expect(validateDesign(after).errors).toEqual([]);
  });

  test('moving a column puts it at the index asked for, the others keeping their order', () => {
    const after = applyEdit(shop(), { kind: 'moveColumn', tableId: 't_orders', columnId: 'o_id', to: 2 });
    expect(tableNamed(after, 'orders')?.columns.map((column) => column.name)).toEqual([
      'customer_id',
      'status',
      'id',
    ]);
  });

  test('pasting tables gives new ids and free names, keeps their foreign keys among them, and stays valid', () => {
    const design = shop();
    const edit = pasteTables(design, copyTables(design, ['t_customers', 't_orders']));
    const after = applyEdit(design, edit);
    expect(after.tables.map((table) => table.name)).toEqual([
      'customers',
      'orders',
      'customers_2',
      'orders_2',
    ]);
    const copies = after.tables.slice(2);
    const ids = after.tables.flatMap((table) => [table.id, ...table.columns.map((column) => column.id)]);
    expect(new Set(ids).size).toBe(ids.length);
    const copiedKey = after.foreignKeys?.[1];
    expect(copiedKey?.sourceTableId).toBe(copies[1]?.id);
    expect(copiedKey?.targetTableId).toBe(copies[0]?.id);
    expect(copiedKey?.sourceColumnId).toBe(copies[1]?.columns[1]?.id);
    expect(copies[1]?.position).toEqual({ x: 340, y: 40 });
    expect(validateDesign(after).errors).toEqual([]);
  });

  test('copying one table leaves out the foreign keys that lead to tables not copied', () => {
    expect(copyTables(shop(), ['t_orders']).foreignKeys).toEqual([]);
  });

  test('a new table and a new column get names the design does not have yet', () => {
    const design = applyEdit(shop(), {
      kind: 'addTables',
      tables: [newTable(shop(), { x: 0, y: 0 }, 'orders')],
    });
    expect(tableNamed(design, 'orders_2')?.columns[0]).toMatchObject({ name: 'id', primaryKey: true });
    const orders = tableNamed(design, 'orders');
    expect(orders && newColumn(orders, 'status').name).toBe('status_2');
  });

  test('malformed groups or notes in the ui bag are ignored, not trusted', () => {
    const design: Design = { name: 'x', tables: [], ui: { groups: [{ id: 1 }, 'nope'], notes: { a: 1 } } };
    expect(groupsOf(design)).toEqual([]);
    expect(notesOf(design)).toEqual([]);
  });
});
