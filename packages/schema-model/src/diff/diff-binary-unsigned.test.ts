import { column, designDocument, table } from '@schema-builder/testing/design-builders';
import { describe, expect, test } from 'vitest';
import type { ColumnType } from '../design/model.ts';
import { castFailurePredicate } from './cast-predicates.ts';
import { castRule } from './cast-rules.ts';
import type { CastKind } from './classify-cast.ts';
import { design, edit } from './design-helpers.test-support.ts';
import { planPostgresMigration } from './diff.ts';
import type { StepShape } from './expect-steps.test-support.ts';
import { planShape } from './expect-steps.test-support.ts';

const t = (dataType: ColumnType['dataType'], extras: Omit<ColumnType, 'dataType'> = {}): ColumnType => ({
  dataType,
  ...extras,
});
const u = (dataType: ColumnType['dataType']): ColumnType => ({ dataType, unsigned: true });

describe('unsigned and binary-length changes are type changes', () => {
  test.each<[string, ColumnType, ColumnType, CastKind, boolean, string | undefined]>([
    [
      'VARBINARY widened',
      t('VARBINARY', { length: 16 }),
      t('VARBINARY', { length: 64 }),
      'safe',
      false,
      undefined,
    ],
    [
      'VARBINARY narrowed',
      t('VARBINARY', { length: 64 }),
      t('VARBINARY', { length: 16 }),
      'risky',
      false,
      'octet_length("c") > 16',
    ],
    [
      'BINARY to a VARBINARY as long',
      t('BINARY', { length: 16 }),
      t('VARBINARY', { length: 16 }),
      'safe',
      false,
      undefined,
    ],
    [
      'VARBINARY to BINARY',
      t('VARBINARY', { length: 16 }),
      t('BINARY', { length: 16 }),
      'risky',
      false,
      'octet_length("c") <> 16',
    ],
    ['a limit removed', t('BINARY', { length: 16 }), t('BYTEA'), 'safe', false, undefined],
    ['a limit added', t('BYTEA'), t('BYTEA', { length: 1000 }), 'risky', false, 'octet_length("c") > 1000'],
    [
      'same bytea, same CHECK',
      t('VARBINARY', { length: 255 }),
      t('BYTEA', { length: 255 }),
      'safe',
      false,
      undefined,
    ],
    ['INTEGER made unsigned', t('INTEGER'), u('INTEGER'), 'risky', true, '"c" NOT BETWEEN 0 AND 4294967295'],
    [
      'INTEGER unsigned made signed',
      u('INTEGER'),
      t('INTEGER'),
      'risky',
      true,
      '"c" NOT BETWEEN -2147483648 AND 2147483647',
    ],
    ['SMALLINT unsigned to INTEGER', u('SMALLINT'), t('INTEGER'), 'safe', false, undefined],
    ['SMALLINT unsigned to INTEGER unsigned', u('SMALLINT'), u('INTEGER'), 'safe', true, undefined],
    ['INTEGER unsigned to BIGINT', u('INTEGER'), t('BIGINT'), 'safe', false, undefined],
    [
      'BIGINT made unsigned',
      t('BIGINT'),
      u('BIGINT'),
      'risky',
      false,
      '"c" NOT BETWEEN 0 AND 9223372036854775807',
    ],
    [
      'BIGINT unsigned to INTEGER unsigned',
      u('BIGINT'),
      u('INTEGER'),
      'risky',
      false,
      '"c" NOT BETWEEN 0 AND 4294967295',
    ],
  ])('%s', (_, from, to, kind, rewrites, predicate) => {
    const rule = castRule(from, to);
    expect([rule.kind, rule.rewrites]).toEqual([kind, rewrites]);
    expect(rule.check === 'cast' ? castFailurePredicate(from, to, '"c"') : undefined).toBe(predicate);
  });

  test('every rule among them that promises a data check has a predicate for it', () => {
    const types = [
      t('SMALLINT'),
      u('SMALLINT'),
      t('INTEGER'),
      u('INTEGER'),
      t('BIGINT'),
      u('BIGINT'),
      t('BYTEA'),
      t('BYTEA', { length: 300 }),
      t('BINARY', { length: 16 }),
      t('VARBINARY', { length: 100 }),
      t('TEXT'),
      t('NUMERIC', { precision: 12, scale: 2 }),
      t('BOOLEAN'),
    ];
    for (const from of types)
      for (const to of types) {
        const rule = castRule(from, to);
        if (rule.check === 'cast') expect(castFailurePredicate(from, to, '"c"')).toBeDefined();
      }
  });
});

const base = designDocument([
  table('t_tokens', 'tokens', [
    column('k_id', 'id', 'BINARY', { length: 16, primaryKey: true }),
    column('k_digest', 'digest', 'VARBINARY', { length: 32 }),
    column('k_count', 'count', 'INTEGER', { unsigned: true, defaultValue: 0 }),
  ]),
]);

describe('planPostgresMigration: the type CHECK follows the type and the names', () => {
  test.each<[string, ReturnType<typeof edit>, StepShape[]]>([
    [
      'a longer VARBINARY replaces its CHECK, no rewrite (the scan is reported)',
      edit(base, (d) => {
        d.column('t_tokens', 'k_digest').length = 64;
      }),
      [
        [
          'alter_column_type:t_tokens:k_digest',
          0,
          'LOCKS_TABLE',
          [
            'ALTER TABLE "tokens" DROP CONSTRAINT "tokens_digest_check";',
            'ALTER TABLE "tokens" ALTER COLUMN "digest" TYPE bytea;',
            'ALTER TABLE "tokens" ADD CONSTRAINT "tokens_digest_check" CHECK (octet_length("digest") <= 64);',
          ],
        ],
      ],
    ],
    [
      'an unsigned INTEGER made signed: bigint to integer, its default set afresh',
      edit(base, (d) => {
        d.column('t_tokens', 'k_count').unsigned = false;
      }),
      [
        [
          'alter_column_type:t_tokens:k_count',
          0,
          'DATA_DEPENDENT,REWRITES_TABLE',
          [
            'ALTER TABLE "tokens" DROP CONSTRAINT "tokens_count_check";',
            'ALTER TABLE "tokens" ALTER COLUMN "count" DROP DEFAULT;',
            'ALTER TABLE "tokens" ALTER COLUMN "count" TYPE integer;',
            'ALTER TABLE "tokens" ALTER COLUMN "count" SET DEFAULT 0;',
          ],
        ],
      ],
    ],
    [
      'a renamed column renames its CHECK',
      edit(base, (d) => {
        d.column('t_tokens', 'k_digest').name = 'hash';
      }),
      [
        [
          'rename_column:t_tokens:k_digest',
          0,
          'BREAKS_CLIENTS',
          ['ALTER TABLE "tokens" RENAME COLUMN "digest" TO "hash";'],
        ],
        [
          'rename_type_check:t_tokens:k_digest',
          0,
          '',
          ['ALTER TABLE "tokens" RENAME CONSTRAINT "tokens_digest_check" TO "tokens_hash_check";'],
        ],
      ],
    ],
    [
      'a renamed and widened column drops the CHECK by its old name',
      edit(base, (d) => {
        d.column('t_tokens', 'k_digest').name = 'hash';
        d.column('t_tokens', 'k_digest').dataType = 'BYTEA';
        delete d.column('t_tokens', 'k_digest').length;
      }),
      [
        [
          'rename_column:t_tokens:k_digest',
          0,
          'BREAKS_CLIENTS',
          ['ALTER TABLE "tokens" RENAME COLUMN "digest" TO "hash";'],
        ],
        [
          'alter_column_type:t_tokens:k_digest',
          0,
          '',
          [
            'ALTER TABLE "tokens" DROP CONSTRAINT "tokens_digest_check";',
            'ALTER TABLE "tokens" ALTER COLUMN "hash" TYPE bytea;',
          ],
        ],
      ],
    ],
    [
      'swapped names swap the CHECKs through a temporary name',
      edit(base, (d) => {
        d.column('t_tokens', 'k_digest').name = 'count';
        d.column('t_tokens', 'k_count').name = 'digest';
      }),
      [
        [
          'rename_column:t_tokens:k_count:temporary',
          0,
          '',
          ['ALTER TABLE "tokens" RENAME COLUMN "count" TO "count_old";'],
        ],
        [
          'rename_column:t_tokens:k_digest',
          0,
          'BREAKS_CLIENTS',
          ['ALTER TABLE "tokens" RENAME COLUMN "digest" TO "count";'],
        ],
        [
          'rename_column:t_tokens:k_count',
          0,
          'BREAKS_CLIENTS',
          ['ALTER TABLE "tokens" RENAME COLUMN "count_old" TO "digest";'],
        ],
        [
          'rename_type_check:t_tokens:k_digest:temporary',
          0,
          '',
          ['ALTER TABLE "tokens" RENAME CONSTRAINT "tokens_digest_check" TO "tokens_digest_check_old";'],
        ],
        [
          'rename_type_check:t_tokens:k_count:temporary',
          0,
          '',
          ['ALTER TABLE "tokens" RENAME CONSTRAINT "tokens_count_check" TO "tokens_count_check_old";'],
        ],
        [
          'rename_type_check:t_tokens:k_digest',
          0,
          '',
          ['ALTER TABLE "tokens" RENAME CONSTRAINT "tokens_digest_check_old" TO "tokens_count_check";'],
        ],
        [
          'rename_type_check:t_tokens:k_count',
          0,
          '',
          ['ALTER TABLE "tokens" RENAME CONSTRAINT "tokens_count_check_old" TO "tokens_digest_check";'],
        ],
      ],
    ],
  ])('%s', (_, to, steps) => {
    expect(planShape(base, to)).toEqual(steps);
  });
});

test('a step names the types as the design does, not as PostgreSQL stores them', () => {
  const to = edit(base, (d) => {
    d.column('t_tokens', 'k_digest').length = 64;
    d.column('t_tokens', 'k_count').unsigned = false;
  });
  const descriptions = planPostgresMigration(design(base), design(to)).steps.map((s) => s.description);
  expect(descriptions).toEqual([
    'Change the type of "tokens"."digest" from varbinary(32) to varbinary(64) (every value fits the new length)',
    'Change the type of "tokens"."count" from integer unsigned to integer (values out of the range of integer (-2147483648 to 2147483647) are refused)',
  ]);
});
