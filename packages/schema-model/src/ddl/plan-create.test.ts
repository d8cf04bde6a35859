import {
  blogDesign,
  cyclicDesign,
  ecommerceDesign,
  nameCollisionsDesign,
} from '@schema-builder/testing/fixtures';
import { describe, expect, test } from 'vitest';
import type { Design } from '../design/model.ts';
import { normalizeDesign } from '../design/normalize.ts';
import { DdlGenerationError } from './design-index.ts';
import { planCreate } from './plan-create.ts';
import type { DdlStatement } from './statements.ts';

const kinds = (plan: DdlStatement[]) => plan.map((s) => s.kind);

describe('planCreate', () => {
  test('orders enums, then each table with its indexes and comments, then every foreign key', () => {
    const plan = planCreate(normalizeDesign(ecommerceDesign));
    const summary = plan.map((s) => {
      switch (s.kind) {
        case 'create_enum':
        case 'create_table':
        case 'create_index':
          return `${s.kind} ${s.name}`;
        case 'comment_on_table':
          return `${s.kind} ${s.table}`;
        case 'comment_on_column':
          return `${s.kind} ${s.table}.${s.column}`;
        case 'comment_on_type':
          return `${s.kind} ${s.type}`;
        case 'add_foreign_key':
          return `${s.kind} ${s.table}.${s.name}`;
      }
      return 'unknown';
    });
    expect(summary).toEqual([
      'create_enum order_status',
      'comment_on_type order_status',
      'create_table customers',
      'comment_on_table customers',
      'create_table addresses',
      'create_index addresses_customer_id_idx',
      'comment_on_column addresses.country',
      'create_table categories',
      'create_index categories_parent_id_idx',
      'create_table products',
      'create_index products_category_id_idx',
      'comment_on_table products',
      'comment_on_column products.attributes',
      'create_table orders',
      'create_index orders_customer_id_placed_at_idx',
      'create_index orders_shipping_address_id_idx',
      'create_index orders_status_idx',
      'create_table order_items',
      'create_index order_items_product_id_idx',
      'create_table refunds',
      'create_index refunds_order_id_line_no_idx',
      'add_foreign_key addresses.addresses_customer_id_fkey',
      'add_foreign_key categories.categories_parent_id_fkey',
      'add_foreign_key products.products_category_id_fkey',
      'add_foreign_key orders.orders_customer_id_fkey',
      'add_foreign_key orders.orders_shipping_address_id_fkey',
      'add_foreign_key order_items.order_items_order_id_fkey',
      'add_foreign_key order_items.order_items_product_id_fkey',
      'add_foreign_key refunds.refunds_order_item_fkey',
    ]);
  });

  test('never inlines a foreign key, so cycles and self-references need no ordering', () => {
    const plan = planCreate(normalizeDesign(cyclicDesign));
    const firstFk = kinds(plan).indexOf('add_foreign_key');
    expect(
      kinds(plan)
        .slice(firstFk)
        .every((k) => k === 'add_foreign_key'),
    ).toBe(true);
    expect(plan.filter((s) => s.kind === 'add_foreign_key')).toEqual([
      expect.objectContaining({ table: 'a', name: 'a_b_id_fkey', refTable: 'b', onDelete: 'SET NULL' }),
      expect.objectContaining({ table: 'b', name: 'b_a_id_fkey', refTable: 'a', onDelete: 'SET NULL' }),
      expect.objectContaining({ table: 'a', name: 'a_parent_id_fkey', refTable: 'a', onDelete: 'NO ACTION' }),
    ]);
  });

  test('resolves every name: columns, enum types, keys and constraint names', () => {
    const plan = planCreate(normalizeDesign(blogDesign));
    expect(plan[0]).toEqual({
      kind: 'create_table',
      name: 'users',
      columns: [
        { name: 'id', type: { dataType: 'INTEGER' }, notNull: true, identity: true },
        { name: 'email', type: { dataType: 'VARCHAR', length: 255 }, notNull: true, identity: false },
        { name: 'username', type: { dataType: 'VARCHAR', length: 50 }, notNull: true, identity: false },
        { name: 'display_name', type: { dataType: 'VARCHAR', length: 255 }, notNull: false, identity: false },
        {
          name: 'is_active',
          type: { dataType: 'BOOLEAN' },
          notNull: true,
          identity: false,
          default: { kind: 'literal', value: true },
        },
        {
          name: 'created_at',
          type: { dataType: 'TIMESTAMP' },
          notNull: true,
          identity: false,
          default: { kind: 'expression', expression: 'now()' },
        },
      ],
      primaryKey: { name: 'users_pkey', columns: ['id'] },
      uniques: [
        { name: 'users_email_key', columns: ['email'] },
        { name: 'users_username_key', columns: ['username'] },
      ],
    });
    expect(plan.find((s) => s.kind === 'create_table' && s.name === 'post_tags')).toMatchObject({
      primaryKey: { name: 'post_tags_pkey', columns: ['post_id', 'tag_id'] },
    });
    expect(plan.filter((s) => s.kind === 'add_foreign_key').map((s) => s.name)).toEqual([
      'posts_author_id_fkey',
      'comments_post_id_fkey',
      'comments_author_id_fkey',
      'fk_post_tags_post',
      'post_tags_tag_id_fkey',
    ]);
  });

  test('steps generated names aside for user names that take them', () => {
    const plan = planCreate(normalizeDesign(nameCollisionsDesign));
    const users = plan.find((s) => s.kind === 'create_table' && s.name === 'users');
    expect(users).toMatchObject({
      columns: [{ name: 'id', identity: true, identitySequence: 'users_id_seq_1' }, { name: 'email' }],
      primaryKey: { name: 'users_pkey_1' },
      uniques: [{ name: 'users_email_key_1' }],
    });
    expect(plan.find((s) => s.kind === 'create_table' && s.name === 'posts')).toMatchObject({
      columns: [{ name: 'id', identitySequence: 'posts_id_seq_1' }, {}, {}, {}],
      primaryKey: { name: 'posts_pkey_1' },
    });
    expect(plan.filter((s) => s.kind === 'add_foreign_key').map((s) => s.name)).toEqual([
      'posts_editor_id_fkey',
      'posts_editor_id_fkey_1',
    ]);
  });

  test('an empty design plans nothing', () => {
    expect(planCreate({ name: 'empty', description: '', enums: [], tables: [], foreignKeys: [] })).toEqual(
      [],
    );
  });

  test.each<[string, (d: Design) => void]>([
    [
      'a foreign key to an unknown table',
      (d) => {
        const fk = d.foreignKeys[0];
        if (fk) fk.targetTableId = 'nope';
      },
    ],
    [
      'a foreign key from an unknown column',
      (d) => {
        const fk = d.foreignKeys[0];
        if (fk) fk.sourceColumnIds = ['nope'];
      },
    ],
    [
      'a primary key on an unknown column',
      (d) => {
        const table = d.tables[0];
        if (table) table.primaryKey = ['nope'];
      },
    ],
    [
      'an ENUM column of an unknown enum',
      (d) => {
        const column = d.tables[0]?.columns[0];
        if (column) column.type = { dataType: 'ENUM', enumId: 'nope' };
      },
    ],
  ])('refuses a design with %s rather than dropping it silently', (_label, breakIt) => {
    const design = normalizeDesign(blogDesign);
    breakIt(design);
    expect(() => planCreate(design)).toThrow(DdlGenerationError);
  });
});
