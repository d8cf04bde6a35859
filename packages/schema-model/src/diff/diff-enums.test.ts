import { column, designDocument, intKey, table } from '@schema-builder/testing/design-builders';
import { describe, expect, test } from 'vitest';
import type { DesignDocument } from '../design/document.ts';
import { design, edit } from './design-helpers.test-support.ts';
import { planPostgresMigration } from './diff.ts';
import type { StepShape } from './expect-steps.test-support.ts';
import { planShape } from './expect-steps.test-support.ts';

const base = designDocument(
  [
    table('t_orders', 'orders', [
      intKey('o_id'),
      column('o_status', 'status', 'ENUM', { enumId: 'e_status', nullable: false, defaultValue: 'new' }),
      column('o_prev', 'previous', 'ENUM', { enumId: 'e_status' }),
    ]),
  ],
  { enums: [{ id: 'e_status', name: 'status', values: ['new', 'paid', 'shipped'], comment: 'states' }] },
);

const setValues = (values: string[]) =>
  edit(base, (d) => {
    d.enum('e_status').values = values;
  });

/** Converting both columns to the recreated type `status_new`, then taking over the name. */
const recreate = (temporary: string, final: string): StepShape[] => [
  [
    'alter_column_type:t_orders:o_status',
    0,
    'REWRITES_TABLE',
    [
      'ALTER TABLE "orders" ALTER COLUMN "status" DROP DEFAULT;',
      `ALTER TABLE "orders" ALTER COLUMN "status" TYPE "${temporary}" USING "status"::text::"${temporary}";`,
      `ALTER TABLE "orders" ALTER COLUMN "status" SET DEFAULT 'new';`,
    ],
  ],
  [
    'alter_column_type:t_orders:o_prev',
    0,
    'REWRITES_TABLE',
    [
      `ALTER TABLE "orders" ALTER COLUMN "previous" TYPE "${temporary}" USING "previous"::text::"${temporary}";`,
    ],
  ],
  [
    'replace_enum:e_status',
    0,
    '',
    [
      `DROP TYPE "${final}";`,
      `ALTER TYPE "${temporary}" RENAME TO "${final}";`,
      `COMMENT ON TYPE "${final}" IS 'states';`,
    ],
  ],
];

describe('planPostgresMigration: enums', () => {
  test.each<[string, DesignDocument, StepShape[]]>([
    [
      'values added before the first, in the middle and at the end',
      setValues(['draft', 'new', 'paid', 'refunded', 'shipped', 'done']),
      [
        ['add_enum_value:e_status:draft', 0, '', [`ALTER TYPE "status" ADD VALUE 'draft' BEFORE 'new';`]],
        [
          'add_enum_value:e_status:refunded',
          0,
          '',
          [`ALTER TYPE "status" ADD VALUE 'refunded' AFTER 'paid';`],
        ],
        ['add_enum_value:e_status:done', 0, '', [`ALTER TYPE "status" ADD VALUE 'done';`]],
      ],
    ],
    [
      'two values added in front: the second after the first',
      setValues(['a', 'b', 'new', 'paid', 'shipped']),
      [
        ['add_enum_value:e_status:a', 0, '', [`ALTER TYPE "status" ADD VALUE 'a' BEFORE 'new';`]],
        ['add_enum_value:e_status:b', 0, '', [`ALTER TYPE "status" ADD VALUE 'b' AFTER 'a';`]],
      ],
    ],
    [
      'a new value used as a default: that step waits for the commit (phase 1)',
      edit(setValues(['draft', 'new', 'paid', 'shipped']), (d) => {
        d.column('t_orders', 'o_status').defaultValue = 'draft';
      }),
      [
        ['add_enum_value:e_status:draft', 0, '', [`ALTER TYPE "status" ADD VALUE 'draft' BEFORE 'new';`]],
        [
          'set_default:t_orders:o_status',
          1,
          '',
          [`ALTER TABLE "orders" ALTER COLUMN "status" SET DEFAULT 'draft';`],
        ],
      ],
    ],
    [
      'one value differing at the same position is a rename',
      setValues(['new', 'payed', 'shipped']),
      [
        [
          'rename_enum_value:e_status:paid',
          0,
          'BREAKS_CLIENTS',
          [`ALTER TYPE "status" RENAME VALUE 'paid' TO 'payed';`],
        ],
      ],
    ],
    [
      'a value removed (and the type renamed): recreated, never CASCADE',
      edit(setValues(['new', 'shipped']), (d) => {
        d.enum('e_status').name = 'state';
      }),
      [
        ['rename_enum:e_status', 0, 'BREAKS_CLIENTS', ['ALTER TYPE "status" RENAME TO "state";']],
        [
          'recreate_enum:e_status',
          0,
          'DESTRUCTIVE,DATA_DEPENDENT,BREAKS_CLIENTS',
          [`CREATE TYPE "state_new" AS ENUM ('new', 'shipped');`],
        ],
        ...recreate('state_new', 'state'),
      ],
    ],
    [
      'values reordered: recreated, nothing lost',
      setValues(['paid', 'new', 'shipped']),
      [
        ['recreate_enum:e_status', 0, '', [`CREATE TYPE "status_new" AS ENUM ('paid', 'new', 'shipped');`]],
        ...recreate('status_new', 'status'),
      ],
    ],
    [
      'two values swapped is a reorder, not two renames',
      setValues(['new', 'shipped', 'paid']),
      [
        ['recreate_enum:e_status', 0, '', [`CREATE TYPE "status_new" AS ENUM ('new', 'shipped', 'paid');`]],
        ...recreate('status_new', 'status'),
      ],
    ],
    [
      'an enum dropped while a new one takes its name: the old one steps aside',
      edit(base, (d) => {
        d.doc.enums = [{ id: 'e_other', name: 'status', values: ['x'] }];
        Object.assign(d.column('t_orders', 'o_status'), { dataType: 'TEXT', enumId: null });
        d.dropColumn('t_orders', 'o_prev');
      }),
      [
        [
          'drop_column:t_orders:o_prev',
          0,
          'DESTRUCTIVE,BREAKS_CLIENTS',
          ['ALTER TABLE "orders" DROP COLUMN "previous";'],
        ],
        ['rename_enum:e_status:temporary', 0, '', ['ALTER TYPE "status" RENAME TO "status_old";']],
        ['create_enum:e_other', 0, '', [`CREATE TYPE "status" AS ENUM ('x');`]],
        [
          'alter_column_type:t_orders:o_status',
          0,
          'REWRITES_TABLE',
          [
            'ALTER TABLE "orders" ALTER COLUMN "status" DROP DEFAULT;',
            'ALTER TABLE "orders" ALTER COLUMN "status" TYPE text;',
            `ALTER TABLE "orders" ALTER COLUMN "status" SET DEFAULT 'new';`,
          ],
        ],
        ['drop_enum:e_status', 0, 'BREAKS_CLIENTS', ['DROP TYPE "status_old";']],
      ],
    ],
  ])('%s', (_label, v2, expected) => {
    expect(planShape(base, v2)).toEqual(expected);
  });

  test('removing a value checks, per column, the rows that hold it', () => {
    const plan = planPostgresMigration(design(base), design(setValues(['new', 'shipped'])));
    expect(plan.steps.find((s) => s.id === 'recreate_enum:e_status')?.dataChecks).toEqual([
      {
        kind: 'values',
        table: 'orders',
        columns: ['status'],
        values: ['paid'],
        description: `rows of "orders"."status" holding 'paid'`,
      },
      {
        kind: 'values',
        table: 'orders',
        columns: ['previous'],
        values: ['paid'],
        description: `rows of "orders"."previous" holding 'paid'`,
      },
    ]);
  });
});
