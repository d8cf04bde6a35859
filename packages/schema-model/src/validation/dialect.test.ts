import { describe, expect, test } from 'vitest';
import { columnAt, summary, tableAt, validDocument } from './test-helpers.ts';
import { validateDesign } from './validate.ts';

describe('validation for a target dialect', () => {
  test('MySQL: what its export changes is a warning at the same path; without a dialect, nothing', () => {
    const doc = validDocument();
    columnAt(doc, 0, 0).dataType = 'INTEGER';
    expect(summary(validateDesign(doc, { dialect: 'mysql' }))).toContain(
      'warning FK_TYPE_MATCHED tables[0].columns[0]',
    );
    expect(summary(validateDesign(doc)).some((s) => s.includes('FK_TYPE_MATCHED'))).toBe(false);
  });

  test('MySQL refuses a key over 3,072 bytes: an error there, nothing for PostgreSQL', () => {
    const doc = validDocument();
    const ids = ['a', 'b', 'c', 'd'].map((n) => `c_${n}`);
    for (const id of ids) tableAt(doc, 0).columns.push({ id, name: id, dataType: 'VARCHAR', length: 255 });
    tableAt(doc, 0).indexes = [{ id: 'i_wide', name: 'users_wide_idx', columns: ids, unique: true }];
    const report = validateDesign(doc, { dialect: 'mysql' });
    expect(report.valid).toBe(false);
    expect(summary(report)).toContain('error KEY_TOO_LONG tables[0].indexes[0]');
    expect(validateDesign(doc, { dialect: 'postgresql' }).valid).toBe(true);
  });

  test('SQLite: an identity inside a composite key is not numbered, and says so', () => {
    const doc = validDocument();
    columnAt(doc, 1, 1).primaryKey = true; // orders (id identity, user_id)
    expect(summary(validateDesign(doc, { dialect: 'sqlite' }))).toContain(
      'warning IDENTITY_DROPPED tables[1].columns[0]',
    );
  });
});
