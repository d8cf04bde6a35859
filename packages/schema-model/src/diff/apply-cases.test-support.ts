import {
  column,
  designDocument,
  foreignKey,
  index,
  intKey,
  table,
} from '@schema-builder/testing/design-builders';
import type { DesignDocument } from '../design/document.ts';
import { edit } from './design-helpers.test-support.ts';
import type { Row } from './pg-harness.test-support.ts';

/**
 * Migrations applied to a database holding rows (apply.pg.test.ts): from `v1` with `rows` (by old
 * table name) to `v2`, after which the tables hold `expected` (by new table name), including
 * any `inserts` made after the migration (which shows where identities continue).
 */
export interface ApplyCase {
  name: string;
  v1: DesignDocument;
  v2: DesignDocument;
  rows: Record<string, Row[]>;
  /** Rows inserted after the migration (by new table name), before `expected` is read. */
  inserts?: Record<string, Row[]>;
  expected: Record<string, Row[]>;
}

export const shop = designDocument(
  [
    table('t_users', 'users', [
      intKey('u_id'),
      column('u_email', 'email', 'VARCHAR', { length: 50, nullable: false, unique: true }),
      column('u_name', 'name', 'VARCHAR', { length: 40 }),
      column('u_age', 'age', 'INT'),
      column('u_note', 'note', 'TEXT'),
    ]),
    table(
      't_orders',
      'orders',
      [
        intKey('o_id'),
        column('o_user', 'user_id', 'INT', { nullable: false }),
        column('o_total', 'total', 'NUMERIC', { precision: 8, scale: 2 }),
        column('o_status', 'status', 'ENUM', { enumId: 'e_status', nullable: false, defaultValue: 'new' }),
        column('o_size', 'size', 'ENUM', { enumId: 'e_size' }),
        column('o_code', 'code', 'TEXT'),
      ],
      { indexes: [index('orders_user_idx', ['user_id'], { id: 'i_orders_user' })] },
    ),
  ],
  {
    enums: [
      { id: 'e_status', name: 'order_status', values: ['new', 'paid', 'shipped'], comment: 'Life cycle' },
      { id: 'e_size', name: 'size', values: ['s', 'm', 'l'] },
    ],
    foreignKeys: [
      foreignKey('f_orders_user', ['t_orders', 'o_user'], ['t_users', 'u_id'], { onDelete: 'CASCADE' }),
    ],
  },
);

export const shopRows: Record<string, Row[]> = {
  users: [
    { id: 1, email: 'ann@example.com', name: 'Ann', age: 30, note: '12' },
    { id: 2, email: 'bob@example.com', name: 'Bob', age: null, note: null },
  ],
  orders: [
    { id: 10, user_id: 1, total: 12.5, status: 'paid', size: 'm', code: '42' },
    { id: 11, user_id: 2, total: null, status: 'new', size: null, code: null },
  ],
};

const [ann, bob] = shopRows.users ?? [];
const [order10, order11] = shopRows.orders ?? [];

export const applyCases: ApplyCase[] = [
  {
    name: 'renames: table, column, swapped column names, enum type, index and foreign key',
    v1: shop,
    v2: edit(shop, (d) => {
      d.table('t_users').name = 'customers';
      d.column('t_users', 'u_email').name = 'mail';
      d.column('t_users', 'u_name').name = 'note';
      d.column('t_users', 'u_note').name = 'name';
      d.enum('e_status').name = 'status_of_order';
      d.index('t_orders', 'i_orders_user').name = 'orders_customer_idx';
      d.foreignKey('f_orders_user').name = 'orders_customer_fk';
    }),
    rows: shopRows,
    expected: {
      customers: [
        { id: 1, mail: 'ann@example.com', note: 'Ann', age: 30, name: '12' },
        { id: 2, mail: 'bob@example.com', note: 'Bob', age: null, name: null },
      ],
      orders: shopRows.orders ?? [],
    },
  },
  {
    name: 'types: widening without rewrite, numeric precision, integer widening, text to integer, enum to text',
    v1: shop,
    v2: edit(shop, (d) => {
      d.column('t_users', 'u_email').length = 100;
      d.column('t_users', 'u_name').dataType = 'TEXT';
      d.column('t_users', 'u_age').dataType = 'BIGINT';
      d.column('t_users', 'u_note').dataType = 'INT';
      d.column('t_orders', 'o_total').precision = 12;
      Object.assign(d.column('t_orders', 'o_status'), {
        dataType: 'TEXT',
        enumId: null,
        defaultValue: 'fresh',
      });
      d.column('t_orders', 'o_code').dataType = 'INTEGER';
    }),
    rows: shopRows,
    expected: {
      users: [
        { ...ann, note: 12 },
        { ...bob, note: null },
      ],
      orders: [
        { ...order10, code: 42 },
        { ...order11, code: null },
      ],
    },
  },
  {
    name: 'nullability and defaults',
    v1: shop,
    v2: edit(shop, (d) => {
      d.column('t_users', 'u_name').nullable = false;
      d.column('t_users', 'u_email').nullable = true;
      d.column('t_users', 'u_note').defaultValue = "it's";
      d.column('t_orders', 'o_status').defaultValue = 'paid';
      d.column('t_orders', 'o_total').defaultValue = '0.00';
    }),
    rows: shopRows,
    expected: shopRows,
  },
  {
    name: 'enums: values added before, after and at the end, one used as a default; a value renamed',
    v1: shop,
    v2: edit(shop, (d) => {
      d.enum('e_status').values = ['draft', 'new', 'paid', 'refunded', 'shipped', 'done'];
      d.column('t_orders', 'o_status').defaultValue = 'draft';
      d.enum('e_size').values = ['s', 'medium', 'l'];
    }),
    rows: shopRows,
    expected: { orders: [{ ...order10, size: 'medium' }, order11 ?? {}] },
  },
  {
    name: 'enums: an unused value removed and the rest reordered, an enum dropped, one created',
    v1: shop,
    v2: edit(shop, (d) => {
      d.enum('e_status').values = ['paid', 'new'];
      d.enum('e_status').name = 'state';
      d.dropColumn('t_orders', 'o_size');
      d.doc.enums = (d.doc.enums ?? []).filter((e) => e.id !== 'e_size');
      d.doc.enums?.push({ id: 'e_priority', name: 'size', values: ['low', 'high'] });
      d.table('t_orders').columns.push(
        column('o_priority', 'priority', 'ENUM', { enumId: 'e_priority', defaultValue: 'low' }),
      );
    }),
    rows: shopRows,
    expected: {
      orders: [
        { id: 10, user_id: 1, total: 12.5, status: 'paid', code: '42', priority: 'low' },
        { id: 11, user_id: 2, total: null, status: 'new', code: null, priority: 'low' },
      ],
    },
  },
  {
    name: 'drops: a column and a referenced table; a new table references a kept one',
    v1: shop,
    v2: edit(shop, (d) => {
      d.dropColumn('t_users', 'u_note');
      d.dropTable('t_orders');
      d.dropForeignKey('f_orders_user');
      d.doc.tables.push(table('t_visits', 'visits', [intKey('v_id'), column('v_user', 'user_id', 'INT')]));
      d.doc.foreignKeys?.push(foreignKey('f_visits_user', ['t_visits', 'v_user'], ['t_users', 'u_id']));
    }),
    rows: shopRows,
    expected: {
      users: (shopRows.users ?? []).map(({ note: _note, ...rest }) => rest),
    },
  },
  {
    name: 'unique constraints and indexes: added, dropped, changed, renamed by their table',
    v1: shop,
    v2: edit(shop, (d) => {
      d.column('t_users', 'u_name').unique = true;
      d.column('t_users', 'u_email').unique = false;
      d.table('t_users').indexes = [index('users_age_idx', ['age'], { id: 'i_age' })];
      d.index('t_orders', 'i_orders_user').columns = ['user_id', 'status'];
      d.table('t_orders').indexes?.push(index('orders_code_key2', ['code'], { id: 'i_code', unique: true }));
    }),
    rows: shopRows,
    expected: shopRows,
  },
  {
    name: 'comments: added, changed, removed',
    v1: shop,
    v2: edit(shop, (d) => {
      d.table('t_users').comment = 'People';
      d.column('t_users', 'u_email').comment = 'Where we write';
      d.enum('e_status').comment = null;
    }),
    rows: shopRows,
    expected: shopRows,
  },
  {
    name: "PostgreSQL's own types: varchar to citext (the extension created first), scalars made arrays of one, text to inet to cidr",
    v1: shop,
    v2: edit(shop, (d) => {
      Object.assign(d.column('t_users', 'u_email'), { dataType: 'CITEXT', length: null });
      d.column('t_users', 'u_name').array = true;
      d.column('t_users', 'u_age').array = true;
      Object.assign(d.column('t_orders', 'o_code'), { dataType: 'INET' });
    }),
    rows: {
      users: shopRows.users ?? [],
      orders: (shopRows.orders ?? []).map((o) => ({ ...o, code: o.code === null ? null : '10.0.0.42' })),
    },
    expected: {
      users: [
        { ...ann, name: ['Ann'], age: [30] },
        { ...bob, name: ['Bob'], age: null },
      ],
      orders: [{ ...order10, code: '10.0.0.42' }, { ...order11 }],
    },
  },
];
