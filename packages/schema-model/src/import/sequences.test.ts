import { describe, expect, test } from 'vitest';
import { catalog, column, table } from './catalog-builders.test-support.ts';
import { sequenceNameIn, soleSequenceUsers } from './sequences.ts';

describe('sequences behind nextval() defaults', () => {
  test.each([
    ['film_id_seq', 'public', 'film_id_seq'],
    ['public.film_id_seq', 'public', 'film_id_seq'],
    ['"Odd.Seq"', 'public', 'Odd.Seq'],
    ['public."Quoted ""Seq"""', 'public', 'Quoted "Seq"'],
    ['audit.log_id_seq', 'public', undefined],
  ])('%s in schema %s is %j', (text, schema, expected) => {
    expect(sequenceNameIn(text, schema)).toBe(expected);
  });

  test('a sequence drawn from by one column only, owned by none, serves that column alone', () => {
    const nextval = (sequence: string) => ({ default: `nextval('${sequence}'::regclass)` });
    const sole = soleSequenceUsers(
      catalog([
        table('a', [
          column('id', 'integer', nextval('a_id_seq')),
          column('shared', 'integer', nextval('shared_seq')),
        ]),
        table('b', [
          column('shared', 'integer', nextval('shared_seq')),
          column('owned', 'integer', { ...nextval('b_owned_seq'), ownedSequence: 'b_owned_seq' }),
          column('borrows', 'integer', nextval('b_owned_seq')),
        ]),
      ]),
    );
    expect([sole('a_id_seq'), sole('shared_seq'), sole('b_owned_seq'), sole('unused_seq')]).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});
