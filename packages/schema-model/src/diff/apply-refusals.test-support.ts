import { foreignKey } from '@schema-builder/testing/design-builders';
import type { DesignDocument } from '../design/document.ts';
import { shop, shopRows } from './apply-cases.test-support.ts';
import { edit } from './design-helpers.test-support.ts';
import type { Row } from './pg-harness.test-support.ts';

/** Migrations the rows make fail: the checks must find them, and the failure must change nothing. */
export interface RefusalCase {
  name: string;
  v1: DesignDocument;
  v2: DesignDocument;
  rows: Record<string, Row[]>;
  findings: Array<{ step: string; kind: string; rows: number }>;
  /** What PostgreSQL's error says. */
  error: RegExp;
}

const withoutForeignKey = edit(shop, (d) => d.dropForeignKey('f_orders_user'));

export const refusalCases: RefusalCase[] = [
  {
    name: 'NOT NULL over NULLs',
    v1: shop,
    v2: edit(shop, (d) => {
      d.column('t_users', 'u_age').nullable = false;
    }),
    rows: shopRows,
    findings: [{ step: 'set_not_null:t_users:u_age', kind: 'nulls', rows: 1 }],
    error: /contains null values/,
  },
  {
    name: 'UNIQUE over duplicates',
    v1: shop,
    v2: edit(shop, (d) => {
      d.column('t_users', 'u_age').unique = true;
    }),
    rows: { users: (shopRows.users ?? []).map((u) => ({ ...u, age: 30 })) },
    findings: [{ step: 'add_unique:t_users:u_age', kind: 'duplicates', rows: 2 }],
    error: /could not create unique index/,
  },
  {
    name: 'a foreign key over orphans',
    v1: withoutForeignKey,
    v2: edit(withoutForeignKey, (d) => {
      d.doc.foreignKeys?.push(foreignKey('f_new', ['t_orders', 'o_user'], ['t_users', 'u_id']));
    }),
    rows: { ...shopRows, orders: (shopRows.orders ?? []).map((o) => ({ ...o, user_id: 99 })) },
    findings: [{ step: 'add_foreign_key:f_new', kind: 'orphans', rows: 2 }],
    error: /violates foreign key constraint/,
  },
  {
    name: 'a varchar narrowed below a stored value',
    v1: shop,
    v2: edit(shop, (d) => {
      d.column('t_users', 'u_name').length = 2;
    }),
    rows: shopRows,
    findings: [{ step: 'alter_column_type:t_users:u_name', kind: 'too_long', rows: 2 }],
    error: /value too long/,
  },
  {
    name: 'text that is not a number cast to integer',
    v1: shop,
    v2: edit(shop, (d) => {
      d.column('t_users', 'u_note').dataType = 'INT';
    }),
    rows: { users: (shopRows.users ?? []).map((u) => ({ ...u, note: 'twelve' })) },
    findings: [{ step: 'alter_column_type:t_users:u_note', kind: 'cast', rows: 2 }],
    error: /invalid input syntax for type integer/,
  },
  {
    name: 'an enum value removed while rows hold it',
    v1: shop,
    v2: edit(shop, (d) => {
      d.enum('e_status').values = ['new', 'shipped'];
    }),
    rows: shopRows,
    findings: [{ step: 'recreate_enum:e_status', kind: 'values', rows: 1 }],
    error: /invalid input value for enum/,
  },
  {
    name: 'an inet with host bits made a cidr',
    v1: edit(shop, (d) => {
      d.column('t_orders', 'o_code').dataType = 'INET';
    }),
    v2: edit(shop, (d) => {
      d.column('t_orders', 'o_code').dataType = 'CIDR';
    }),
    rows: {
      ...shopRows,
      orders: (shopRows.orders ?? []).map((o) => ({
        ...o,
        code: o.code === null ? '10.0.0.0/8' : '10.1.2.3/8',
      })),
    },
    findings: [{ step: 'alter_column_type:t_orders:o_code', kind: 'cast', rows: 1 }],
    error: /invalid cidr value/,
  },
];
