import { describe, expect, test } from 'vitest';
import type { ColumnDocument, DesignDocument } from '../../design/document.ts';
import { normalizeDesign } from '../../design/normalize.ts';
import { columnAt, tableAt, validDocument } from '../../validation/valid-document.test-support.ts';
import { generateDdl } from '../generate.ts';

const mysql = (doc: DesignDocument) => generateDdl(normalizeDesign(doc), { dialect: 'mysql' });
const codesAt = (doc: DesignDocument) => mysql(doc).warnings.map((w) => `${w.code} ${w.path}`);

describe('MySQL export: what InnoDB needs, each change warned and marked in the SQL', () => {
  test('a foreign key between integers of different widths: the narrower becomes the wider', () => {
    const doc = validDocument();
    columnAt(doc, 0, 0).dataType = 'INTEGER'; // users.id; orders.user_id stays BIGINT
    const ddl = mysql(doc);
    expect(codesAt(doc)).toContain('FK_TYPE_MATCHED tables[0].columns[0]');
    expect(ddl.sql).toContain('-- FK_TYPE_MATCHED: int is bigint to match "orders"."user_id"');
    expect(ddl.sql).toMatch(/`id` bigint NOT NULL AUTO_INCREMENT/);
  });

  test('a TEXT key a foreign key references becomes VARCHAR(255), and the referencing column with it', () => {
    const doc = validDocument();
    columnAt(doc, 0, 1).dataType = 'TEXT'; // users.email, unique
    delete columnAt(doc, 0, 1).length;
    tableAt(doc, 1).columns.push({ id: 'c_orders_email', name: 'email', dataType: 'TEXT' });
    doc.foreignKeys?.push({
      id: 'fk_orders_email',
      sourceTableId: 't_orders',
      sourceColumnId: 'c_orders_email',
      targetTableId: 't_users',
      targetColumnId: 'c_users_email',
    });
    const ddl = mysql(doc);
    expect(codesAt(doc)).toEqual(
      expect.arrayContaining([
        'TEXT_KEY_AS_VARCHAR tables[0].columns[1]',
        'FK_TYPE_MATCHED tables[1].columns[3]',
      ]),
    );
    expect(ddl.sql).toContain('`email` varchar(255) NOT NULL');
    expect(ddl.sql).toContain('`email` varchar(255),');
  });

  test('TIMESTAMPTZ is datetime(6), its current-time default with the same digits; VARCHAR without length is LONGTEXT', () => {
    const doc = validDocument();
    const columns: ColumnDocument[] = [
      { id: 'c_at', name: 'created_at', dataType: 'TIMESTAMPTZ', defaultValue: 'now()' },
      { id: 'c_note', name: 'note', dataType: 'VARCHAR' },
      { id: 'c_amount', name: 'amount', dataType: 'NUMERIC' },
    ];
    tableAt(doc, 1).columns.push(...columns);
    const ddl = mysql(doc);
    expect(ddl.sql).toContain('`created_at` datetime(6) DEFAULT CURRENT_TIMESTAMP(6)');
    expect(ddl.sql).toContain('`note` longtext');
    expect(ddl.sql).toContain('`amount` decimal(65,30)');
    expect(codesAt(doc)).toEqual(
      expect.arrayContaining([
        'TIMESTAMPTZ_AS_DATETIME tables[1].columns[3]',
        'VARCHAR_UNBOUNDED tables[1].columns[4]',
        'NUMERIC_PRECISION_CHOSEN tables[1].columns[5]',
      ]),
    );
  });

  test('VARCHARs wider than a MySQL row: the widest non-key ones are TEXT with a CHECK keeping the length', () => {
    const doc = validDocument();
    for (let i = 0; i < 20; i++)
      tableAt(doc, 0).columns.push({
        id: `c_wide_${i}`,
        name: `wide_${i}`,
        dataType: 'VARCHAR',
        length: 1000 + i,
      });
    const ddl = mysql(doc);
    const made = ddl.warnings.filter((w) => w.code === 'ROW_TOO_WIDE');
    expect(made.length).toBeGreaterThan(0);
    // The widest first: wide_19 (1019 characters).
    expect(made[0]?.path).toBe('tables[0].columns[21]');
    expect(ddl.sql).toContain('`wide_19` text CHECK (char_length(`wide_19`) <= 1019)');
    // users.email is a unique key: it keeps its type.
    expect(ddl.sql).toContain('`email` varchar(255) NOT NULL');
  });

  test('a VARCHAR longer than a row allows is LONGTEXT with a CHECK on its length', () => {
    const doc = validDocument();
    tableAt(doc, 0).columns.push({ id: 'c_bio', name: 'bio', dataType: 'VARCHAR', length: 64_000 });
    expect(mysql(doc).sql).toContain('`bio` longtext CHECK (char_length(`bio`) <= 64000)');
    expect(codesAt(doc)).toContain('VARCHAR_AS_LONGTEXT tables[0].columns[2]');
  });

  test('PostgreSQL, the design’s own dialect, changes nothing', () => {
    const doc = validDocument();
    columnAt(doc, 0, 0).dataType = 'INTEGER';
    expect(generateDdl(normalizeDesign(doc)).warnings).toEqual([]);
  });
});
