import { column, designDocument, foreignKey, intKey, table } from '@schema-builder/testing/design-builders';
import { describe, expect, test } from 'vitest';
import { edit } from './design-helpers.test-support.ts';
import { planShape } from './expect-steps.test-support.ts';

const base = designDocument(
  [
    table('t_users', 'users', [
      intKey('u_id'),
      column('u_email', 'email', 'VARCHAR', { length: 50, nullable: false }),
      column('u_lower', 'email_lower', 'TEXT', { generated: { expression: 'lower(email)' }, unique: true }),
    ]),
    table('t_posts', 'posts', [intKey('p_id'), column('p_author', 'author_email', 'TEXT')], {
      indexes: [
        { id: 'i_order', name: 'posts_ordered_idx', columns: [], keys: [{ column: 'p_id', order: 'DESC' }] },
        {
          id: 'i_partial',
          name: 'posts_author_idx',
          columns: ['p_author'],
          where: 'author_email IS NOT NULL',
        },
      ],
    }),
  ],
  { foreignKeys: [foreignKey('f_author', ['t_posts', 'p_author'], ['t_users', 'u_lower'])] },
);

const ids = (steps: ReturnType<typeof planShape>) => steps.map(([id]) => id);

describe('planPostgresMigration: generated columns and richer indexes', () => {
  test('the same expressions spelled differently (spacing, parentheses, the casts PostgreSQL adds) plan nothing', () => {
    const respelled = edit(base, (d) => {
      d.column('t_users', 'u_lower').generated = { expression: 'LOWER( (email)::text )' };
      d.index('t_posts', 'i_partial').where = '(author_email IS NOT NULL)';
    });
    expect(planShape(base, respelled)).toEqual([]);
  });

  test('a new expression drops and adds the column again, with the unique key and the foreign key over it', () => {
    const changed = edit(base, (d) => {
      d.column('t_users', 'u_lower').generated = { expression: 'upper(email)' };
    });
    const steps = planShape(base, changed);
    expect(ids(steps)).toEqual([
      'drop_foreign_key:f_author',
      'drop_column:t_users:u_lower',
      'add_column:t_users:u_lower',
      'add_unique:t_users:u_lower',
      'add_foreign_key:f_author',
    ]);
    const [, drop, add] = steps;
    expect(drop?.[2]).toBe('DESTRUCTIVE,BREAKS_CLIENTS');
    expect(add?.[2]).toBe('REWRITES_TABLE');
    expect(add?.[3]).toEqual([
      'ALTER TABLE "users" ADD COLUMN "email_lower" text GENERATED ALWAYS AS (upper(email)) STORED;',
    ]);
  });

  test('a column that stops being generated keeps its values: DROP EXPRESSION', () => {
    const plain = edit(base, (d) => {
      delete d.column('t_users', 'u_lower').generated;
    });
    expect(planShape(base, plain)).toEqual([
      [
        'drop_expression:t_users:u_lower',
        0,
        'BREAKS_CLIENTS',
        ['ALTER TABLE "users" ALTER COLUMN "email_lower" DROP EXPRESSION;'],
      ],
    ]);
  });

  test('an index whose order, predicate or method changes is dropped and created again', () => {
    const changed = edit(base, (d) => {
      d.index('t_posts', 'i_order').keys = [{ column: 'p_id' }];
      d.index('t_posts', 'i_partial').where = "author_email <> ''";
    });
    const steps = planShape(base, changed);
    expect(ids(steps)).toEqual([
      'drop_index:t_posts:i_order',
      'drop_index:t_posts:i_partial',
      'create_index:t_posts:i_order',
      'create_index:t_posts:i_partial',
    ]);
    expect(steps.at(-1)?.[3]).toEqual([
      `CREATE INDEX "posts_author_idx" ON "posts" ("author_email") WHERE (author_email <> '');`,
    ]);
    const hashed = edit(base, (d) => {
      d.index('t_posts', 'i_partial').method = 'hash';
    });
    expect(ids(planShape(base, hashed))).toEqual([
      'drop_index:t_posts:i_partial',
      'create_index:t_posts:i_partial',
    ]);
  });
});

describe('planPostgresMigration: a type change under a generated column', () => {
  test('the generated column is dropped before and added after, as PostgreSQL cannot retype a column it reads', () => {
    const retyped = edit(base, (d) => {
      Object.assign(d.column('t_users', 'u_email'), { length: 100 });
    });
    expect(ids(planShape(base, retyped))).toEqual([
      'drop_foreign_key:f_author',
      'drop_column:t_users:u_lower',
      'alter_column_type:t_users:u_email',
      'add_column:t_users:u_lower',
      'add_unique:t_users:u_lower',
      'add_foreign_key:f_author',
    ]);
  });
});
