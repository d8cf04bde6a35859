import { describe, expect, test } from 'vitest';
import { IdAllocator, legalName, Namespace } from './names.ts';

describe('database names as names a design can use', () => {
  test.each([
    ['film', 'relation', 'film', false],
    ['Film Title', 'column', 'Film Title', false],
    ['xmin', 'column', 'xmin_', true],
    ['ctid', 'column', 'ctid_', true],
    ['pg_settings', 'relation', 'imported_pg_settings', true],
    ['text', 'type', 'text_enum', true],
    [' padded ', 'relation', 'padded', true],
    ['tab\there', 'column', 'tabhere', true],
    ['', 'relation', 'unnamed', true],
  ] as const)('%j as a %s is %j', (name, kind, expected, changed) => {
    const legal = legalName(name, kind);
    expect(legal.name).toBe(expected);
    expect(legal.reason !== undefined).toBe(changed);
  });

  test('a name over 63 bytes is cut on a character boundary and tagged, so long names stay apart', () => {
    const a = legalName(`${'é'.repeat(40)}a`, 'relation');
    const b = legalName(`${'é'.repeat(40)}b`, 'relation');
    expect(new TextEncoder().encode(a.name).length).toBeLessThanOrEqual(63);
    expect(a.name).not.toBe(b.name);
    expect(a.reason).toContain('63 bytes');
  });

  test('a namespace hands out free variants', () => {
    const names = new Namespace();
    const others = new Namespace();
    others.add('t_1');
    expect([names.claim('t'), names.claim('t', others), names.claim('t')]).toEqual(['t', 't_2', 't_1']);
  });

  test('ids are stable, unique, without spaces, and at most 200 characters', () => {
    const ids = new IdAllocator();
    expect([ids.claim('c_a_b'), ids.claim('c_a_b'), ids.claim('t_my table')]).toEqual([
      'c_a_b',
      'c_a_b_2',
      't_my_table',
    ]);
    const long = ids.claim(`t_${'x'.repeat(300)}`);
    expect(long.length).toBe(200);
    expect(ids.claim(`t_${'x'.repeat(300)}`)).not.toBe(long);
  });
});
