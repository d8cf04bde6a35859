import { describe, expect, test } from 'vitest';
import { checkedDesign, pgOnlyCheckDesign } from '../ddl/checks.test-support.ts';
import type { DesignDocument } from '../design/document.ts';
import { validateDesign } from './validate.ts';

function withTableCheck(expression: string, name?: string): DesignDocument {
  const design = checkedDesign();
  const products = design.tables[0];
  if (!products) throw new Error('no table');
  products.checks = [{ id: 'k9', ...(name === undefined ? {} : { name }), expression }];
  return design;
}

const errorsOf = (design: DesignDocument, dialect?: 'mysql' | 'sqlite') =>
  validateDesign(design, dialect === undefined ? {} : { dialect }).errors.map(({ code, path }) => ({
    code,
    path,
  }));

describe('validating checks', () => {
  test('a design with column and table checks is valid', () => {
    expect(validateDesign(checkedDesign()).errors).toEqual([]);
  });

  test.each([
    ['price > 0); DROP TABLE users; --', 'SQL_NOT_SINGLE'],
    ['price > 0); DROP TABLE users', 'SQL_NOT_SINGLE'],
    ['price > 0 /* the rest', 'SQL_COMMENT'],
    ['code <> $$x$$', 'SQL_DOLLAR_QUOTE'],
    ['price >', 'SQL_SYNTAX'],
    ['(SELECT 1) FROM products', 'SQL_NOT_EXPRESSION'],
  ])('%s is refused (%s) at the expression, with the character it is at', (expression, code) => {
    const report = validateDesign(withTableCheck(expression));
    expect(report.errors).toEqual([
      expect.objectContaining({
        code,
        path: 'tables[0].checks[0].expression',
        message: expect.stringMatching(/at character \d+/),
      }),
    ]);
  });

  test('the message says what and at which character (1-based), as the design document shows', () => {
    expect(validateDesign(withTableCheck('price > 0; DROP TABLE users')).errors[0]?.message).toBe(
      'The check expression is refused at character 10: a semicolon is not allowed: one expression only.',
    );
  });

  test('a column check is refused at the column when it does not parse', () => {
    const design = checkedDesign();
    const price = design.tables[0]?.columns[1];
    if (!price) throw new Error('no column');
    price.check = 'price > 0; DELETE FROM products';
    expect(errorsOf(design)).toEqual([{ code: 'SQL_NOT_SINGLE', path: 'tables[0].columns[1].check' }]);
  });

  test('a check naming a column the table does not have is refused', () => {
    expect(errorsOf(withTableCheck('cost > 0'))).toEqual([
      { code: 'CHECK_UNKNOWN_COLUMN', path: 'tables[0].checks[0].expression' },
    ]);
  });

  test('a column check must use its own column and no other', () => {
    const design = checkedDesign();
    const price = design.tables[0]?.columns[1];
    if (!price) throw new Error('no column');
    price.check = 'price > discount';
    expect(errorsOf(design)).toEqual([{ code: 'CHECK_NOT_ON_COLUMN', path: 'tables[0].columns[1].check' }]);
  });

  test('two checks of a table with one name, or a check named as a foreign key of its table, are refused', () => {
    const design = checkedDesign();
    const products = design.tables[0];
    if (!products) throw new Error('no table');
    products.checks = [
      { id: 'k1', name: 'positive', expression: 'price > 0' },
      { id: 'k2', name: 'positive', expression: 'discount > 0' },
    ];
    expect(errorsOf(design)).toEqual([
      { code: 'DUPLICATE_CONSTRAINT_NAME', path: 'tables[0].checks[1].name' },
    ]);
  });

  test('two checks of a table with one id are refused', () => {
    const design = checkedDesign();
    const products = design.tables[0];
    if (!products) throw new Error('no table');
    products.checks = [
      { id: 'k1', expression: 'price > 0' },
      { id: 'k1', expression: 'discount > 0' },
    ];
    expect(errorsOf(design)).toEqual([{ code: 'DUPLICATE_ID', path: 'tables[0].checks[1].id' }]);
  });

  test('asked for MySQL or SQLite, a check the engine has no form of is an error at the check', () => {
    expect(errorsOf(pgOnlyCheckDesign())).toEqual([]);
    for (const dialect of ['mysql', 'sqlite'] as const)
      expect(errorsOf(pgOnlyCheckDesign(), dialect)).toEqual([
        { code: 'EXPRESSION_NOT_PORTABLE', path: 'tables[0].checks[2].expression' },
      ]);
  });
});
