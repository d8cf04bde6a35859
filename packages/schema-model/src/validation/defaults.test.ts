import { describe, expect, test } from 'vitest';
import { checkDefault } from './defaults.ts';
import { ACCEPTED, NO_DEFAULT, REJECTED, STATUS, typeOf } from './defaults-cases.test-support.ts';
import { columnAt, issuesOf, validDocument } from './valid-document.test-support.ts';
import { validateDesign } from './validate.ts';

const check = (spec: string, value: unknown) => checkDefault(typeOf(spec), value, STATUS);

describe('checkDefault', () => {
  test.each(ACCEPTED)('%s accepts %j', (spec, value) => {
    expect(check(spec, value)).toBeUndefined();
  });

  test.each(NO_DEFAULT)('%s treats %j as no default', (spec, value) => {
    expect(check(spec, value)).toBeUndefined();
  });

  test.each(REJECTED)('%s rejects %j', (spec, value, message) => {
    expect(check(spec, value)).toContain(message);
  });

  test('an ENUM default is only checked for being text when the enum is unknown', () => {
    expect(checkDefault({ dataType: 'ENUM' }, 'anything')).toBeUndefined();
    expect(checkDefault({ dataType: 'ENUM' }, 5)).toContain("not one of the enum's values");
  });

  test('takes the normalized model: a ColumnType and an EnumType fit', () => {
    const type = { dataType: 'VARCHAR' as const, length: 2, enumId: undefined };
    expect(checkDefault(type, 'abc')).toContain('at most 2');
  });
});

describe('validateDesign and defaults', () => {
  test('reports an invalid default at the column defaultValue, naming the column and table', () => {
    const doc = validDocument();
    Object.assign(columnAt(doc, 1, 1), { defaultValue: 'abc' });
    expect(issuesOf(validateDesign(doc), 'INVALID_DEFAULT')).toEqual([
      {
        code: 'INVALID_DEFAULT',
        severity: 'error',
        path: 'tables[1].columns[1].defaultValue',
        message:
          'The default value of column "user_id" in table "orders" is invalid: "abc" is not a whole number.',
      },
    ]);
  });

  test('checks ENUM defaults against the enum the column uses', () => {
    const doc = validDocument();
    Object.assign(columnAt(doc, 1, 2), { defaultValue: 'shipped' });
    expect(issuesOf(validateDesign(doc), 'INVALID_DEFAULT').map((issue) => issue.message)).toEqual([
      'The default value of column "status" in table "orders" is invalid: "shipped" is not a value of enum "order_status" ("new", "paid").',
    ]);
  });

  test('uses the column length, precision and scale', () => {
    const doc = validDocument();
    Object.assign(columnAt(doc, 0, 1), { defaultValue: 'x'.repeat(256) });
    expect(issuesOf(validateDesign(doc), 'INVALID_DEFAULT').map((issue) => issue.path)).toEqual([
      'tables[0].columns[1].defaultValue',
    ]);
  });
});
