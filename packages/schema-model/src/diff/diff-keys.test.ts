import {
  column,
  designDocument,
  foreignKey,
  index,
  intKey,
  table,
} from '@schema-builder/testing/design-builders';
import { describe, expect, test } from 'vitest';
import type { DesignDocument } from '../design/document.ts';
import { edit } from './design-helpers.test-support.ts';
import type { StepShape } from './expect-steps.test-support.ts';
import { planShape } from './expect-steps.test-support.ts';

const base = designDocument(
  [
    table('t_users', 'users', [
      intKey('u_id'),
      column('u_email', 'email', 'VARCHAR', { length: 50, nullable: false, unique: true }),
      column('u_name', 'name', 'TEXT'),
    ]),
    table(
      't_posts',
      'posts',
      [intKey('p_id'), column('p_author', 'author_id', 'INT'), column('p_title', 'title', 'TEXT')],
      {
        indexes: [index('posts_author_idx', ['p_author'], { id: 'i_author' })],
      },
    ),
  ],
  { foreignKeys: [foreignKey('f_author', ['t_posts', 'p_author'], ['t_users', 'u_id'])] },
);

const cycle = designDocument(
  [
    table('t_a', 'a', [intKey('a_id'), column('a_b', 'b_id', 'INT')]),
    table('t_b', 'b', [intKey('b_id'), column('b_a', 'a_id', 'INT')]),
  ],
  {
    foreignKeys: [
      foreignKey('f_a_b', ['t_a', 'a_b'], ['t_b', 'b_id']),
      foreignKey('f_b_a', ['t_b', 'b_a'], ['t_a', 'a_id']),
    ],
  },
);

const dropAuthorFk = (): StepShape => [
  'drop_foreign_key:f_author',
  0,
  '',
  ['ALTER TABLE "posts" DROP CONSTRAINT "posts_author_id_fkey";'],
];

describe('planPostgresMigration: keys, indexes, foreign keys, identity', () => {
  test.each<[string, DesignDocument, DesignDocument, StepShape[]]>([
    [
      'a composite primary key: the foreign key over the old one is dropped first and added after',
      base,
      edit(base, (d) => {
        d.column('t_users', 'u_email').primaryKey = true;
        d.table('t_posts').columns.push(column('p_email', 'author_email', 'VARCHAR', { length: 50 }));
        Object.assign(d.foreignKey('f_author'), {
          sourceColumnIds: ['p_author', 'p_email'],
          targetColumnIds: ['u_id', 'u_email'],
        });
      }),
      [
        dropAuthorFk(),
        [
          'drop_primary_key:t_users',
          0,
          'BREAKS_CLIENTS',
          ['ALTER TABLE "users" DROP CONSTRAINT "users_pkey";'],
        ],
        ['add_column:t_posts:p_email', 0, '', ['ALTER TABLE "posts" ADD COLUMN "author_email" varchar(50);']],
        [
          'add_primary_key:t_users',
          0,
          'LOCKS_TABLE,DATA_DEPENDENT',
          ['ALTER TABLE "users" ADD CONSTRAINT "users_pkey" PRIMARY KEY ("id", "email");'],
        ],
        [
          'add_foreign_key:f_author',
          0,
          'LOCKS_TABLE,DATA_DEPENDENT',
          [
            'ALTER TABLE "posts" ADD CONSTRAINT "posts_author_id_author_email_fkey" FOREIGN KEY ("author_id", "author_email") REFERENCES "users" ("id", "email");',
          ],
        ],
      ],
    ],
    [
      'a referenced key changes type: its foreign key is dropped and added again around it',
      base,
      edit(base, (d) => {
        d.column('t_users', 'u_id').dataType = 'BIGINT';
        d.column('t_posts', 'p_author').dataType = 'BIGINT';
      }),
      [
        dropAuthorFk(),
        [
          'alter_column_type:t_users:u_id',
          0,
          'REWRITES_TABLE',
          ['ALTER TABLE "users" ALTER COLUMN "id" TYPE bigint;'],
        ],
        [
          'alter_column_type:t_posts:p_author',
          0,
          'REWRITES_TABLE',
          ['ALTER TABLE "posts" ALTER COLUMN "author_id" TYPE bigint;'],
        ],
        [
          'add_foreign_key:f_author',
          0,
          'LOCKS_TABLE',
          [
            'ALTER TABLE "posts" ADD CONSTRAINT "posts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users" ("id");',
          ],
        ],
      ],
    ],
    [
      'unique constraints and indexes dropped, added and changed',
      base,
      edit(base, (d) => {
        d.column('t_users', 'u_email').unique = false;
        d.column('t_users', 'u_name').unique = true;
        d.index('t_posts', 'i_author').unique = true;
        d.table('t_users').indexes = [index('users_name_idx', ['name', 'email'], { id: 'i_name' })];
      }),
      [
        [
          'drop_unique:t_users:u_email',
          0,
          'BREAKS_CLIENTS',
          ['ALTER TABLE "users" DROP CONSTRAINT "users_email_key";'],
        ],
        ['drop_index:t_posts:i_author', 0, '', ['DROP INDEX "posts_author_idx";']],
        [
          'add_unique:t_users:u_name',
          0,
          'LOCKS_TABLE,DATA_DEPENDENT',
          ['ALTER TABLE "users" ADD CONSTRAINT "users_name_key" UNIQUE ("name");'],
        ],
        [
          'create_index:t_users:i_name',
          0,
          'LOCKS_TABLE',
          ['CREATE INDEX "users_name_idx" ON "users" ("name", "email");'],
        ],
        [
          'create_index:t_posts:i_author',
          0,
          'LOCKS_TABLE,DATA_DEPENDENT',
          ['CREATE UNIQUE INDEX "posts_author_idx" ON "posts" ("author_id");'],
        ],
      ],
    ],
    [
      'an index renamed (ALTER INDEX), a foreign key renamed (RENAME CONSTRAINT)',
      base,
      edit(base, (d) => {
        d.index('t_posts', 'i_author').name = 'posts_by_author';
        d.foreignKey('f_author').name = 'written_by';
      }),
      [
        ['rename_index:t_posts:0', 0, '', ['ALTER INDEX "posts_author_idx" RENAME TO "posts_by_author";']],
        [
          'rename_foreign_key:f_author',
          0,
          '',
          ['ALTER TABLE "posts" RENAME CONSTRAINT "posts_author_id_fkey" TO "written_by";'],
        ],
      ],
    ],
    [
      'a foreign key changes its action: dropped and added again (PostgreSQL cannot alter it)',
      base,
      edit(base, (d) => {
        d.foreignKey('f_author').onDelete = 'SET NULL';
      }),
      [
        dropAuthorFk(),
        [
          'add_foreign_key:f_author',
          0,
          'LOCKS_TABLE',
          [
            'ALTER TABLE "posts" ADD CONSTRAINT "posts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users" ("id") ON DELETE SET NULL;',
          ],
        ],
      ],
    ],
    [
      'a dropped table takes its foreign key along before the key it referenced changes',
      base,
      edit(base, (d) => {
        d.dropTable('t_posts');
        d.dropForeignKey('f_author');
        d.column('t_users', 'u_email').primaryKey = true;
      }),
      [
        ['drop_table:t_posts', 0, 'DESTRUCTIVE,BREAKS_CLIENTS', ['DROP TABLE "posts";']],
        [
          'drop_primary_key:t_users',
          0,
          'BREAKS_CLIENTS',
          ['ALTER TABLE "users" DROP CONSTRAINT "users_pkey";'],
        ],
        [
          'add_primary_key:t_users',
          0,
          'LOCKS_TABLE,DATA_DEPENDENT',
          ['ALTER TABLE "users" ADD CONSTRAINT "users_pkey" PRIMARY KEY ("id", "email");'],
        ],
      ],
    ],
    [
      'a cycle of foreign keys: every drop first, every add last',
      cycle,
      edit(cycle, (d) => {
        d.foreignKey('f_a_b').onDelete = 'CASCADE';
        d.foreignKey('f_b_a').onUpdate = 'CASCADE';
      }),
      [
        ['drop_foreign_key:f_a_b', 0, '', ['ALTER TABLE "a" DROP CONSTRAINT "a_b_id_fkey";']],
        ['drop_foreign_key:f_b_a', 0, '', ['ALTER TABLE "b" DROP CONSTRAINT "b_a_id_fkey";']],
        [
          'add_foreign_key:f_a_b',
          0,
          'LOCKS_TABLE',
          [
            'ALTER TABLE "a" ADD CONSTRAINT "a_b_id_fkey" FOREIGN KEY ("b_id") REFERENCES "b" ("id") ON DELETE CASCADE;',
          ],
        ],
        [
          'add_foreign_key:f_b_a',
          0,
          'LOCKS_TABLE',
          [
            'ALTER TABLE "b" ADD CONSTRAINT "b_a_id_fkey" FOREIGN KEY ("a_id") REFERENCES "a" ("id") ON UPDATE CASCADE;',
          ],
        ],
      ],
    ],
    [
      'two tables of a cycle dropped together: their keys first, then the tables in any order',
      cycle,
      designDocument([]),
      [
        ['drop_foreign_key:f_a_b', 0, '', ['ALTER TABLE "a" DROP CONSTRAINT "a_b_id_fkey";']],
        ['drop_foreign_key:f_b_a', 0, '', ['ALTER TABLE "b" DROP CONSTRAINT "b_a_id_fkey";']],
        ['drop_table:t_a', 0, 'DESTRUCTIVE,BREAKS_CLIENTS', ['DROP TABLE "a";']],
        ['drop_table:t_b', 0, 'DESTRUCTIVE,BREAKS_CLIENTS', ['DROP TABLE "b";']],
      ],
    ],
    [
      'identity switched off, and on above the largest existing value',
      base,
      edit(base, (d) => {
        d.column('t_users', 'u_id').autoIncrement = false;
        d.column('t_posts', 'p_author').autoIncrement = true;
      }),
      [
        [
          'drop_identity:t_users:u_id',
          0,
          'BREAKS_CLIENTS',
          ['ALTER TABLE "users" ALTER COLUMN "id" DROP IDENTITY;'],
        ],
        [
          'set_not_null:t_posts:p_author',
          0,
          'DATA_DEPENDENT,LOCKS_TABLE',
          ['ALTER TABLE "posts" ALTER COLUMN "author_id" SET NOT NULL;'],
        ],
        [
          'add_identity:t_posts:p_author',
          0,
          '',
          [
            'ALTER TABLE "posts" ALTER COLUMN "author_id" ADD GENERATED BY DEFAULT AS IDENTITY;',
            `SELECT setval(pg_get_serial_sequence('"posts"', 'author_id'), greatest(max("author_id"), 0) + 1, false) FROM "posts";`,
          ],
        ],
      ],
    ],
    [
      'identity on a column whose default sequence name is taken: named explicitly',
      edit(base, (d) => {
        d.doc.tables.push(table('t_seq', 'posts_author_id_seq', [intKey('s_id')]));
      }),
      edit(base, (d) => {
        d.doc.tables.push(table('t_seq', 'posts_author_id_seq', [intKey('s_id')]));
        Object.assign(d.column('t_posts', 'p_author'), { autoIncrement: true, nullable: false });
      }),
      [
        [
          'set_not_null:t_posts:p_author',
          0,
          'DATA_DEPENDENT,LOCKS_TABLE',
          ['ALTER TABLE "posts" ALTER COLUMN "author_id" SET NOT NULL;'],
        ],
        [
          'add_identity:t_posts:p_author',
          0,
          '',
          [
            'ALTER TABLE "posts" ALTER COLUMN "author_id" ADD GENERATED BY DEFAULT AS IDENTITY (SEQUENCE NAME "posts_author_id_seq_1");',
            `SELECT setval(pg_get_serial_sequence('"posts"', 'author_id'), greatest(max("author_id"), 0) + 1, false) FROM "posts";`,
          ],
        ],
      ],
    ],
  ])('%s', (_label, v1, v2, expected) => {
    expect(planShape(v1, v2)).toEqual(expected);
  });
});
