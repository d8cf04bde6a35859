import { column, designDocument, intKey, table } from '@schema-builder/testing/design-builders';
import { describe, expect, test } from 'vitest';
import { design, edit } from './design-helpers.test-support.ts';
import { planPostgresMigration } from './diff.ts';

const base = designDocument([
  table('t', 't', [
    intKey('c_id'),
    column('c_email', 'email', 'TEXT'),
    column('c_tags', 'tags', 'TEXT'),
    column('c_ip', 'ip', 'INET'),
  ]),
]);

const sqlOf = (from: typeof base, to: typeof base) =>
  planPostgresMigration(design(from), design(to)).steps.map((step) => [
    step.id,
    step.sql,
    step.hazards.map((h) => h.code),
  ]);

describe("planPostgresMigration: PostgreSQL's own types and arrays", () => {
  test('the first CITEXT column brings the extension, first of all; it is never dropped', () => {
    const citext = edit(base, (d) => {
      d.column('t', 'c_email').dataType = 'CITEXT';
    });
    expect(sqlOf(base, citext)).toEqual([
      ['create_extension:citext', ['CREATE EXTENSION IF NOT EXISTS "citext";'], []],
      ['alter_column_type:t:c_email', ['ALTER TABLE "t" ALTER COLUMN "email" TYPE citext;'], []],
    ]);
    expect(sqlOf(citext, base)).toEqual([
      [
        'alter_column_type:t:c_email',
        ['ALTER TABLE "t" ALTER COLUMN "email" TYPE text;'],
        ['REWRITES_TABLE'],
      ],
    ]);
    expect(sqlOf(citext, citext)).toEqual([]);
  });

  test('a column made an array converts each value to an array of one, with its default as an array', () => {
    const tags = edit(base, (d) => {
      Object.assign(d.column('t', 'c_tags'), { array: true, defaultValue: ['a', 'b c'] });
    });
    expect(sqlOf(base, tags)).toEqual([
      [
        'alter_column_type:t:c_tags',
        [
          'ALTER TABLE "t" ALTER COLUMN "tags" TYPE text[] USING CASE WHEN "tags"::text IS NULL THEN NULL ELSE ARRAY["tags"::text] END::text[];',
          'ALTER TABLE "t" ALTER COLUMN "tags" SET DEFAULT \'{"a","b c"}\';',
        ],
        ['DATA_DEPENDENT', 'REWRITES_TABLE'],
      ],
    ]);
  });

  test('an array default that changes is set again; the same elements written otherwise are no change', () => {
    const one = edit(base, (d) => {
      Object.assign(d.column('t', 'c_tags'), { array: true, defaultValue: '{a,b}' });
    });
    const same = edit(base, (d) => {
      Object.assign(d.column('t', 'c_tags'), { array: true, defaultValue: ['a', 'b'] });
    });
    const other = edit(base, (d) => {
      Object.assign(d.column('t', 'c_tags'), { array: true, defaultValue: [] });
    });
    expect(sqlOf(one, same)).toEqual([]);
    expect(sqlOf(one, other)).toEqual([
      ['set_default:t:c_tags', ['ALTER TABLE "t" ALTER COLUMN "tags" SET DEFAULT \'{}\';'], []],
    ]);
  });

  test('inet to cidr goes through text, with a count of the addresses that are not networks', () => {
    const cidr = edit(base, (d) => {
      d.column('t', 'c_ip').dataType = 'CIDR';
    });
    const [step] = planPostgresMigration(design(base), design(cidr)).steps;
    expect(step?.sql).toEqual(['ALTER TABLE "t" ALTER COLUMN "ip" TYPE cidr USING "ip"::text::cidr;']);
    expect(step?.dataChecks).toEqual([expect.objectContaining({ kind: 'cast', columns: ['ip'] })]);
  });
});
