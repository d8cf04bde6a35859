import { column } from '@schema-builder/testing/design-builders';
import { describe, expect, test } from 'vitest';
import type { DesignDocument } from '../design/document.ts';
import { design, edit, usersAndPosts } from './design-helpers.test-support.ts';
import { planPostgresMigration } from './diff.ts';
import type { StepShape } from './expect-steps.test-support.ts';
import { planShape } from './expect-steps.test-support.ts';

const base = usersAndPosts();

describe('planPostgresMigration: columns', () => {
  test.each<[string, DesignDocument, StepShape[]]>([
    [
      'columns dropped, renamed and added (with a comment)',
      edit(base, (d) => {
        d.dropColumn('t_users', 'u_name');
        d.table('t_users').columns.push(
          column('u_bio', 'bio', 'TEXT', { defaultValue: 'x', comment: 'about' }),
        );
        d.column('t_posts', 'p_title').name = 'headline';
      }),
      [
        [
          'drop_column:t_users:u_name',
          0,
          'DESTRUCTIVE,BREAKS_CLIENTS',
          ['ALTER TABLE "users" DROP COLUMN "name";'],
        ],
        [
          'rename_column:t_posts:p_title',
          0,
          'BREAKS_CLIENTS',
          ['ALTER TABLE "posts" RENAME COLUMN "title" TO "headline";'],
        ],
        [
          'add_column:t_users:u_bio',
          0,
          '',
          [
            `ALTER TABLE "users" ADD COLUMN "bio" text DEFAULT 'x';`,
            `COMMENT ON COLUMN "users"."bio" IS 'about';`,
          ],
        ],
      ],
    ],
    [
      'a NOT NULL column without a default needs an empty table',
      edit(base, (d) => {
        d.table('t_users').columns.push(column('u_code', 'code', 'INT', { nullable: false }));
      }),
      [
        [
          'add_column:t_users:u_code',
          0,
          'DATA_DEPENDENT',
          ['ALTER TABLE "users" ADD COLUMN "code" integer NOT NULL;'],
        ],
      ],
    ],
    [
      'nullability, defaults and comments',
      edit(base, (d) => {
        d.column('t_users', 'u_name').nullable = false;
        d.column('t_users', 'u_email').nullable = true;
        d.column('t_users', 'u_name').defaultValue = 'anon';
        d.table('t_users').comment = 'hi';
        d.column('t_posts', 'p_title').comment = "it's";
      }),
      [
        ['drop_not_null:t_users:u_email', 0, '', ['ALTER TABLE "users" ALTER COLUMN "email" DROP NOT NULL;']],
        [
          'set_default:t_users:u_name',
          0,
          '',
          [`ALTER TABLE "users" ALTER COLUMN "name" SET DEFAULT 'anon';`],
        ],
        [
          'set_not_null:t_users:u_name',
          0,
          'DATA_DEPENDENT,LOCKS_TABLE',
          ['ALTER TABLE "users" ALTER COLUMN "name" SET NOT NULL;'],
        ],
        ['comment_table:t_users', 0, '', [`COMMENT ON TABLE "users" IS 'hi';`]],
        ['comment_column:t_posts:p_title', 0, '', [`COMMENT ON COLUMN "posts"."title" IS 'it''s';`]],
      ],
    ],
    [
      'two columns swap names',
      edit(base, (d) => {
        d.column('t_posts', 'p_author').name = 'title';
        d.column('t_posts', 'p_title').name = 'author_id';
      }),
      [
        [
          'rename_foreign_key:f_author',
          0,
          '',
          ['ALTER TABLE "posts" RENAME CONSTRAINT "posts_author_id_fkey" TO "posts_title_fkey";'],
        ],
        [
          'rename_column:t_posts:p_title:temporary',
          0,
          '',
          ['ALTER TABLE "posts" RENAME COLUMN "title" TO "title_old";'],
        ],
        [
          'rename_column:t_posts:p_author',
          0,
          'BREAKS_CLIENTS',
          ['ALTER TABLE "posts" RENAME COLUMN "author_id" TO "title";'],
        ],
        [
          'rename_column:t_posts:p_title',
          0,
          'BREAKS_CLIENTS',
          ['ALTER TABLE "posts" RENAME COLUMN "title_old" TO "author_id";'],
        ],
      ],
    ],
  ])('%s', (_label, v2, expected) => {
    expect(planShape(base, v2)).toEqual(expected);
  });

  test('an unchanged default spelled differently is no change', () => {
    const v1 = edit(base, (d) => {
      d.column('t_posts', 'p_author').defaultValue = 7;
      d.table('t_posts').columns.push(column('p_at', 'at', 'TIMESTAMPTZ', { defaultValue: 'now()' }));
    });
    const v2 = edit(v1, (d) => {
      d.column('t_posts', 'p_author').defaultValue = '7';
      d.column('t_posts', 'p_at').defaultValue = 'NOW()';
    });
    expect(planPostgresMigration(design(v1), design(v2)).steps).toEqual([]);
  });

  test('removing a default and a comment', () => {
    const v1 = edit(base, (d) => {
      d.column('t_users', 'u_name').defaultValue = 'anon';
      d.column('t_users', 'u_name').comment = 'x';
    });
    expect(planShape(v1, base)).toEqual([
      [
        'drop_default:t_users:u_name',
        0,
        'BREAKS_CLIENTS',
        ['ALTER TABLE "users" ALTER COLUMN "name" DROP DEFAULT;'],
      ],
      ['comment_column:t_users:u_name', 0, '', ['COMMENT ON COLUMN "users"."name" IS NULL;']],
    ]);
  });

  test('a column order PostgreSQL cannot reach is said in the summary', () => {
    const v2 = edit(base, (d) => {
      d.table('t_users').columns.reverse();
      d.table('t_posts').columns.push(column('p_body', 'body', 'TEXT'));
    });
    const plan = planPostgresMigration(design(base), design(v2));
    expect(plan.steps).toHaveLength(1);
    expect(plan.summary.at(-1)).toBe(
      'Table "users" keeps its columns in the database\'s order: PostgreSQL adds new columns at the end and cannot reorder them.',
    );
  });
});
