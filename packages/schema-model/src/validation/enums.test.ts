import { describe, expect, test } from 'vitest';
import { columnAt, issuesOf, summary, validDocument } from './valid-document.test-support.ts';
import { validateDesign } from './validate.ts';

function withValues(values: string[]): string[] {
  const doc = validDocument();
  Object.assign(doc.enums?.[0] ?? {}, { values });
  columnAt(doc, 1, 2).defaultValue = null;
  return summary(validateDesign(doc));
}

describe('enum values', () => {
  test.each<[string[], string[]]>([
    [['a'], []],
    [[' '], []],
    [['a', 'A'], []],
    [['in progress', 'done!'], []],
    [['a'.repeat(63)], []],
    [[`${'ü'.repeat(31)}x`], []],
    [['a'.repeat(64)], ['error INVALID_ENUM_VALUE enums[0].values[0]']],
    [['ü'.repeat(32)], ['error INVALID_ENUM_VALUE enums[0].values[0]']],
    [['ok', ''], ['error INVALID_ENUM_VALUE enums[0].values[1]']],
    [['ok', 'a\u0000b'], ['error INVALID_ENUM_VALUE enums[0].values[1]']],
    [
      ['a', 'b', 'a', 'a'],
      ['error DUPLICATE_ENUM_VALUE enums[0].values[2]', 'error DUPLICATE_ENUM_VALUE enums[0].values[3]'],
    ],
    [[], ['error ENUM_WITHOUT_VALUES enums[0].values']],
  ])('%j', (values, expected) => {
    expect(withValues(values)).toEqual(expected);
  });

  test('messages name the enum and the value', () => {
    const doc = validDocument();
    doc.enums?.[0]?.values.push('paid', 'ü'.repeat(32));
    const messages = validateDesign(doc).errors.map((issue) => issue.message);
    expect(messages).toEqual([
      'Enum "order_status" lists the value "paid" twice.',
      `Value "${'ü'.repeat(32)}" of enum "order_status" is 64 bytes long, but PostgreSQL's limit is 63 bytes. Accented letters and other non-English characters take 2 to 4 bytes each.`,
    ]);
  });

  test('an enum without values is reported once, not again on defaults that use it', () => {
    const doc = validDocument();
    Object.assign(doc.enums?.[0] ?? {}, { values: [] });
    expect(summary(validateDesign(doc))).toEqual(['error ENUM_WITHOUT_VALUES enums[0].values']);
  });
});

describe('enum names and ids', () => {
  test('an enum may not share a table name, nor another enum name or id', () => {
    const doc = validDocument();
    doc.enums?.push(
      { id: 'e_status', name: 'other', values: ['x'] },
      { id: 'e_3', name: 'order_status', values: ['x'] },
      { id: 'e_4', name: 'users', values: ['x'] },
      { id: 'e_5', name: 'Users', values: ['x'] },
    );
    const report = validateDesign(doc);
    expect(summary(report)).toEqual([
      'error DUPLICATE_ID enums[1].id',
      'error DUPLICATE_ENUM_NAME enums[2].name',
      'error NAME_CONFLICT enums[3].name',
    ]);
    expect(issuesOf(report, 'NAME_CONFLICT')[0]?.message).toBe(
      'Enum "users" has the same name as a table. PostgreSQL creates a type for every table, so enums and tables need different names.',
    );
  });
});
