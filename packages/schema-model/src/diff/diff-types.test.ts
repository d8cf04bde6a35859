import { column, designDocument, intKey, table } from '@schema-builder/testing/design-builders';
import { describe, expect, test } from 'vitest';
import type { DesignDocument } from '../design/document.ts';
import { design, edit } from './design-helpers.test-support.ts';
import { planPostgresMigration } from './diff.ts';
import type { StepShape } from './expect-steps.test-support.ts';
import { planShape } from './expect-steps.test-support.ts';
import { MigrationPlanError } from './types.ts';

const base = designDocument(
  [
    table('t', 't', [
      intKey('c_id'),
      column('c_code', 'code', 'VARCHAR', { length: 10, defaultValue: 'x' }),
      column('c_amount', 'amount', 'NUMERIC', { precision: 8, scale: 2 }),
      column('c_flag', 'flag', 'BOOLEAN'),
      column('c_note', 'note', 'TEXT'),
      column('c_count', 'count', 'SMALLINT'),
    ]),
  ],
  { enums: [{ id: 'e', name: 'mood', values: ['ok', 'meh'] }] },
);

const change = (columnId: string, fields: Record<string, unknown>) =>
  edit(base, (d) => {
    Object.assign(d.column('t', columnId), fields);
  });

describe('planPostgresMigration: type changes', () => {
  test.each<[string, DesignDocument, StepShape[]]>([
    [
      'varchar widened: no rewrite, the default set again for the new type',
      change('c_code', { length: 20 }),
      [
        [
          'alter_column_type:t:c_code',
          0,
          '',
          [
            'ALTER TABLE "t" ALTER COLUMN "code" DROP DEFAULT;',
            'ALTER TABLE "t" ALTER COLUMN "code" TYPE varchar(20);',
            `ALTER TABLE "t" ALTER COLUMN "code" SET DEFAULT 'x';`,
          ],
        ],
      ],
    ],
    [
      'varchar narrowed: an assignment cast, which refuses long values instead of cutting them',
      change('c_code', { length: 5 }),
      [
        [
          'alter_column_type:t:c_code',
          0,
          'DATA_DEPENDENT,REWRITES_TABLE',
          [
            'ALTER TABLE "t" ALTER COLUMN "code" DROP DEFAULT;',
            'ALTER TABLE "t" ALTER COLUMN "code" TYPE varchar(5);',
            `ALTER TABLE "t" ALTER COLUMN "code" SET DEFAULT 'x';`,
          ],
        ],
      ],
    ],
    [
      'numeric precision grown with the same scale: no rewrite',
      change('c_amount', { precision: 12 }),
      [
        [
          'alter_column_type:t:c_amount',
          0,
          '',
          ['ALTER TABLE "t" ALTER COLUMN "amount" TYPE numeric(12,2);'],
        ],
      ],
    ],
    [
      'numeric precision shrunk: values may no longer fit',
      change('c_amount', { precision: 6 }),
      [
        [
          'alter_column_type:t:c_amount',
          0,
          'DATA_DEPENDENT,REWRITES_TABLE',
          ['ALTER TABLE "t" ALTER COLUMN "amount" TYPE numeric(6,2);'],
        ],
      ],
    ],
    [
      'smallint widened to integer: safe, rewrites',
      change('c_count', { dataType: 'INT' }),
      [
        [
          'alter_column_type:t:c_count',
          0,
          'REWRITES_TABLE',
          ['ALTER TABLE "t" ALTER COLUMN "count" TYPE integer;'],
        ],
      ],
    ],
    [
      'boolean to integer: an explicit cast',
      change('c_flag', { dataType: 'INT' }),
      [
        [
          'alter_column_type:t:c_flag',
          0,
          'REWRITES_TABLE',
          ['ALTER TABLE "t" ALTER COLUMN "flag" TYPE integer USING "flag"::integer;'],
        ],
      ],
    ],
    [
      'text to integer: a risky explicit cast',
      change('c_note', { dataType: 'INT' }),
      [
        [
          'alter_column_type:t:c_note',
          0,
          'DATA_DEPENDENT,REWRITES_TABLE',
          ['ALTER TABLE "t" ALTER COLUMN "note" TYPE integer USING "note"::integer;'],
        ],
      ],
    ],
    [
      'text to an enum',
      change('c_note', { dataType: 'ENUM', enumId: 'e' }),
      [
        [
          'alter_column_type:t:c_note',
          0,
          'DATA_DEPENDENT,REWRITES_TABLE',
          ['ALTER TABLE "t" ALTER COLUMN "note" TYPE "mood" USING "note"::"mood";'],
        ],
      ],
    ],
    [
      'varchar to a shorter char: padded, long values refused',
      change('c_code', { dataType: 'CHAR', length: 4, defaultValue: null }),
      [
        [
          'alter_column_type:t:c_code',
          0,
          'DATA_DEPENDENT,REWRITES_TABLE',
          [
            'ALTER TABLE "t" ALTER COLUMN "code" DROP DEFAULT;',
            'ALTER TABLE "t" ALTER COLUMN "code" TYPE char(4);',
          ],
        ],
      ],
    ],
  ])('%s', (_label, v2, expected) => {
    expect(planShape(base, v2)).toEqual(expected);
  });

  test('char to integer goes through text (a CHAR keeps its padding otherwise)', () => {
    const v1 = change('c_code', { dataType: 'CHAR', length: 4, defaultValue: null });
    expect(planShape(v1, change('c_code', { dataType: 'INT', defaultValue: null }))).toEqual([
      [
        'alter_column_type:t:c_code',
        0,
        'DATA_DEPENDENT,REWRITES_TABLE',
        ['ALTER TABLE "t" ALTER COLUMN "code" TYPE integer USING "code"::text::integer;'],
      ],
    ]);
  });

  test('a type change checks the rows that would be refused, named as before the migration', () => {
    const plan = planPostgresMigration(
      design(base),
      design(change('c_code', { length: 5, name: 'short_code' })),
    );
    expect(plan.steps.flatMap((s) => s.dataChecks)).toEqual([
      {
        kind: 'too_long',
        table: 't',
        columns: ['code'],
        maxLength: 5,
        description: 'rows where "t"."code" is longer than 5 characters',
      },
    ]);
  });

  test('impossible conversions are refused, every one named; nothing is planned', () => {
    const v2 = edit(base, (d) => {
      d.column('t', 'c_flag').dataType = 'DATE';
      d.column('t', 'c_amount').dataType = 'UUID';
      d.column('t', 'c_note').dataType = 'JSONB';
    });
    const v3 = edit(v2, (d) => {
      d.column('t', 'c_note').dataType = 'UUID';
    });
    expect(() => planPostgresMigration(design(base), design(v2))).toThrow(MigrationPlanError);
    expect(() => planPostgresMigration(design(base), design(v2))).toThrow(
      'This change cannot be migrated: column "amount" of table "t": PostgreSQL cannot convert numeric(8,2) values to uuid; column "flag" of table "t": PostgreSQL cannot convert boolean values to date. Keep the old column and add a new one instead.',
    );
    try {
      planPostgresMigration(design(v2), design(v3));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MigrationPlanError);
      expect((error as MigrationPlanError).refused).toEqual([
        { table: 't', column: 'note', reason: 'PostgreSQL cannot convert jsonb values to uuid' },
      ]);
    }
  });
});
