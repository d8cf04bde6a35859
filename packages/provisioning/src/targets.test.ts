import { describe, expect, test } from 'vitest';
import { checkTargets, chooseTarget, databaseUrl, redactUrl } from './targets.ts';

const target = (name: string) => ({ name, adminUrl: `postgres://admin:pw@${name}.example:5432/postgres` });
const [alpha, beta, gamma] = [target('alpha'), target('beta'), target('gamma')];

describe('chooseTarget', () => {
  test.each([
    ['the only target', [alpha], [], 'alpha'],
    [
      'the one holding the fewest databases',
      [alpha, beta, gamma],
      [
        ['alpha', 5],
        ['beta', 2],
        ['gamma', 3],
      ],
      'beta',
    ],
    ['a target missing from the counts (it holds none)', [alpha, beta], [['alpha', 1]], 'beta'],
    [
      'the first name among equals',
      [gamma, beta, alpha],
      [
        ['alpha', 2],
        ['beta', 2],
        ['gamma', 2],
      ],
      'alpha',
    ],
    ['the first name among empty targets, whatever the order', [gamma, beta], [], 'beta'],
  ] as const)('picks %s', (_case, targets, counts, expected) => {
    expect(chooseTarget(targets, new Map(counts)).name).toBe(expected);
  });

  test('refuses an empty list', () => {
    expect(() => chooseTarget([], new Map())).toThrow(/no target/);
  });
});

describe('checkTargets', () => {
  test('accepts distinct names with postgres URLs', () => {
    expect(checkTargets([alpha, beta])).toHaveLength(2);
  });

  test.each([
    ['no targets', []],
    ['a duplicate name', [alpha, alpha]],
    ['a name with spaces', [{ name: 'a b', adminUrl: alpha.adminUrl }]],
    ['a non-postgres URL', [{ name: 'x', adminUrl: 'mysql://root@localhost/db' }]],
    ['an invalid URL', [{ name: 'x', adminUrl: 'not a url' }]],
  ])('rejects %s', (_case, targets) => {
    expect(() => checkTargets(targets)).toThrow();
  });
});

describe('redactUrl', () => {
  test.each([
    ['postgres://admin:s3cret@db:5432/postgres', 'postgres://admin:***@db:5432/postgres'],
    ['postgres://admin@db/postgres', 'postgres://admin@db/postgres'],
    ['nonsense', '(invalid URL)'],
  ])('%s → %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});

describe('databaseUrl', () => {
  test('keeps server and credentials, swaps the database', () => {
    expect(databaseUrl('postgres://a:b@h:1/postgres?sslmode=require', 'sb_x')).toBe(
      'postgres://a:b@h:1/sb_x?sslmode=require',
    );
  });
});
