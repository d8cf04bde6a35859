import { describe, expect, test } from 'vitest';
import { parseTargetList } from './target-list.ts';

describe('parseTargetList', () => {
  test('reads name=url pairs separated by commas or spaces', () => {
    expect(parseTargetList('a=postgres://u:p@h1/postgres, b=postgresql://u@h2:5433/postgres')).toEqual([
      { name: 'a', adminUrl: 'postgres://u:p@h1/postgres' },
      { name: 'b', adminUrl: 'postgresql://u@h2:5433/postgres' },
    ]);
  });

  test.each([
    ['', 'no target server is configured'],
    ['postgres://u@h/db', 'entry 1 must look like name=postgres://…'],
    ['a=mysql://u@h/db', 'target a: adminUrl must be a postgres:// URL'],
    ['a=postgres://h/x a=postgres://h/y', 'target name a is configured twice'],
  ])('refuses %j', (text, message) => {
    expect(() => parseTargetList(text)).toThrow(message);
  });

  test('never echoes a URL (it may hold a password) in its errors', () => {
    expect(() => parseTargetList('a=mysql://u:secret@h/db')).toThrow(/^(?!.*secret)/);
  });
});
