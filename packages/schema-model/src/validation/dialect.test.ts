import { describe, expect, test } from 'vitest';
import { EXPORT_WARNING_CODES } from '../ddl/export-warning.ts';
import type { SqlDialect } from '../ddl/generate.ts';
import type { DesignDocument } from '../design/document.ts';
import {
  columnAt,
  foreignKeyAt,
  indexAt,
  summary,
  tableAt,
  validDocument,
} from './valid-document.test-support.ts';
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

  test('MySQL refuses a key or an index over an array (JSON there): an error for MySQL only', () => {
    const doc = validDocument();
    addToUsers(doc, { id: 'c_tags', name: 'tags', dataType: 'TEXT', array: true, unique: true });
    tableAt(doc, 0).indexes = [{ id: 'i_tags', name: 'users_tags_idx', columns: ['tags'] }];
    const report = validateDesign(doc, { dialect: 'mysql' });
    expect(summary(report).filter((line) => line.includes('ARRAY_NOT_INDEXABLE'))).toEqual([
      'error ARRAY_NOT_INDEXABLE tables[0].columns[2].unique',
      'error ARRAY_NOT_INDEXABLE tables[0].indexes[0]',
    ]);
    expect(validateDesign(doc, { dialect: 'postgresql' }).valid).toBe(true);
    expect(validateDesign(doc, { dialect: 'sqlite' }).valid).toBe(true);
  });

  test('SQLite: an identity inside a composite key is not numbered, and says so', () => {
    const doc = validDocument();
    columnAt(doc, 1, 1).primaryKey = true; // orders (id identity, user_id)
    expect(summary(validateDesign(doc, { dialect: 'sqlite' }))).toContain(
      'warning IDENTITY_DROPPED tables[1].columns[0]',
    );
  });
});

type Case = [code: string, dialect: SqlDialect, path: string, mutate: (doc: DesignDocument) => void];

const addToUsers = (doc: DesignDocument, column: DesignDocument['tables'][number]['columns'][number]) => {
  tableAt(doc, 0).columns.push(column);
};

/** One design change per export code, and where the warning points (users has 2 columns, orders 3). */
const EXPORT_CASES: Case[] = [
  [
    'FK_TYPE_MATCHED',
    'mysql',
    'tables[0].columns[0]',
    (doc) => {
      columnAt(doc, 0, 0).dataType = 'INTEGER';
    },
  ],
  [
    'TEXT_KEY_AS_VARCHAR',
    'mysql',
    'tables[0].columns[1]',
    (doc) => {
      columnAt(doc, 0, 1).dataType = 'TEXT';
      delete columnAt(doc, 0, 1).length;
      tableAt(doc, 1).columns.push({ id: 'c_orders_email', name: 'email', dataType: 'TEXT' });
      doc.foreignKeys?.push({
        id: 'fk_email',
        sourceTableId: 't_orders',
        sourceColumnId: 'c_orders_email',
        targetTableId: 't_users',
        targetColumnId: 'c_users_email',
      });
    },
  ],
  [
    'VARCHAR_UNBOUNDED',
    'mysql',
    'tables[0].columns[2]',
    (doc) => addToUsers(doc, { id: 'x', name: 'x', dataType: 'VARCHAR' }),
  ],
  [
    'VARCHAR_AS_LONGTEXT',
    'mysql',
    'tables[0].columns[2]',
    (doc) => addToUsers(doc, { id: 'x', name: 'x', dataType: 'VARCHAR', length: 64_000 }),
  ],
  [
    'ROW_TOO_WIDE',
    'mysql',
    'tables[0].columns[21]',
    (doc) => {
      for (let i = 0; i < 20; i++)
        addToUsers(doc, { id: `w${i}`, name: `w${i}`, dataType: 'VARCHAR', length: 1000 + i });
    },
  ],
  [
    'CHAR_AS_VARCHAR',
    'mysql',
    'tables[0].columns[2]',
    (doc) => addToUsers(doc, { id: 'x', name: 'x', dataType: 'CHAR', length: 300 }),
  ],
  [
    'TIMESTAMPTZ_AS_DATETIME',
    'mysql',
    'tables[0].columns[2]',
    (doc) => addToUsers(doc, { id: 'x', name: 'x', dataType: 'TIMESTAMPTZ' }),
  ],
  [
    'NUMERIC_PRECISION_CHOSEN',
    'mysql',
    'tables[0].columns[2]',
    (doc) => addToUsers(doc, { id: 'x', name: 'x', dataType: 'NUMERIC' }),
  ],
  [
    'NUMERIC_PRECISION_CAPPED',
    'mysql',
    'tables[0].columns[2]',
    (doc) => addToUsers(doc, { id: 'x', name: 'x', dataType: 'NUMERIC', precision: 80, scale: 2 }),
  ],
  [
    'KEY_PREFIX',
    'mysql',
    'tables[0]',
    (doc) => addToUsers(doc, { id: 'x', name: 'x', dataType: 'TEXT', unique: true }),
  ],
  [
    'IDENTITY_DROPPED',
    'sqlite',
    'tables[1].columns[0]',
    (doc) => {
      columnAt(doc, 1, 1).primaryKey = true;
    },
  ],
  [
    'DEFAULT_DROPPED',
    'sqlite',
    'tables[0].columns[2]',
    (doc) => addToUsers(doc, { id: 'x', name: 'x', dataType: 'UUID', defaultValue: 'gen_random_uuid()' }),
  ],
  [
    'FK_ACTION_DROPPED',
    'mysql',
    'foreignKeys[0]',
    (doc) => {
      columnAt(doc, 1, 1).defaultValue = 1;
      foreignKeyAt(doc, 0).onUpdate = 'SET DEFAULT';
    },
  ],
  [
    'FK_RENAMED',
    'mysql',
    'foreignKeys[1]',
    (doc) => {
      foreignKeyAt(doc, 0).name = 'fk_same';
      const id = columnAt(doc, 0, 0);
      addToUsers(doc, { id: 'c_users_referrer', name: 'referrer_id', dataType: id.dataType });
      doc.foreignKeys?.push({
        id: 'fk_referrer',
        name: 'fk_same',
        sourceTableId: 't_users',
        sourceColumnId: 'c_users_referrer',
        targetTableId: 't_users',
        targetColumnId: id.id,
      });
    },
  ],
  [
    'COMMENT_DROPPED',
    'sqlite',
    'tables[0]',
    (doc) => {
      tableAt(doc, 0).comment = 'people';
    },
  ],
  [
    'SCHEMA_FLATTENED',
    'mysql',
    'tables[1]',
    (doc) => {
      doc.schemas = [{ id: 's1', name: 'sales' }];
      tableAt(doc, 1).schemaId = 's1';
    },
  ],
  [
    'ARRAY_AS_JSON',
    'mysql',
    'tables[0].columns[2]',
    (doc) => addToUsers(doc, { id: 'x', name: 'x', dataType: 'TEXT', array: true }),
  ],
  [
    'NETWORK_AS_TEXT',
    'sqlite',
    'tables[0].columns[2]',
    (doc) => addToUsers(doc, { id: 'x', name: 'x', dataType: 'INET' }),
  ],
  [
    'CITEXT_AS_COLLATION',
    'mysql',
    'tables[0].columns[2]',
    (doc) => addToUsers(doc, { id: 'x', name: 'x', dataType: 'CITEXT' }),
  ],
  [
    'TSVECTOR_AS_TEXT',
    'mysql',
    'tables[0].columns[2]',
    (doc) => addToUsers(doc, { id: 'x', name: 'x', dataType: 'TSVECTOR' }),
  ],
  [
    'INTERVAL_AS_TEXT',
    'sqlite',
    'tables[0].columns[2]',
    (doc) => addToUsers(doc, { id: 'x', name: 'x', dataType: 'INTERVAL' }),
  ],
  [
    'MONEY_AS_DECIMAL',
    'mysql',
    'tables[0].columns[2]',
    (doc) => addToUsers(doc, { id: 'x', name: 'x', dataType: 'MONEY' }),
  ],
  [
    'XML_AS_TEXT',
    'sqlite',
    'tables[0].columns[2]',
    (doc) => addToUsers(doc, { id: 'x', name: 'x', dataType: 'XML' }),
  ],
  [
    'RANGE_AS_TEXT',
    'mysql',
    'tables[0].columns[2]',
    (doc) => addToUsers(doc, { id: 'x', name: 'x', dataType: 'TSTZRANGE' }),
  ],
  [
    'EXPRESSION_NOT_PORTABLE',
    'mysql',
    'tables[0].columns[2]',
    (doc) =>
      addToUsers(doc, {
        id: 'c_x',
        name: 'domain',
        dataType: 'TEXT',
        generated: { expression: "split_part(email, '@', 2)" },
      }),
  ],
  [
    'GENERATED_NOT_NULL_AS_CHECK',
    'mysql',
    'tables[0].columns[2]',
    (doc) =>
      addToUsers(doc, {
        id: 'c_x',
        name: 'email_lower',
        dataType: 'VARCHAR',
        length: 255,
        nullable: false,
        generated: { expression: 'lower(email)' },
      }),
  ],
  [
    'INDEX_EXPRESSION_DROPPED',
    'mysql',
    'tables[0].indexes[0]',
    (doc) => {
      tableAt(doc, 0).indexes = [
        { name: 'users_email_lower_idx', columns: [], keys: [{ expression: 'lower(email)' }] },
      ];
    },
  ],
  [
    'INDEX_PARTIAL_AS_FULL',
    'mysql',
    'tables[1].indexes[0]',
    (doc) => {
      indexAt(doc, 1, 0).where = "status = 'new'";
    },
  ],
  [
    'INDEX_PARTIAL_DROPPED',
    'mysql',
    'tables[1].indexes[0]',
    (doc) => Object.assign(indexAt(doc, 1, 0), { where: "status = 'new'", unique: true }),
  ],
  [
    'INDEX_METHOD_CHANGED',
    'sqlite',
    'tables[1].indexes[0]',
    (doc) => {
      indexAt(doc, 1, 0).method = 'hash';
    },
  ],
  [
    'INDEX_NULLS_ORDER_DROPPED',
    'mysql',
    'tables[1].indexes[0]',
    (doc) =>
      Object.assign(indexAt(doc, 1, 0), { columns: [], keys: [{ column: 'user_id', nulls: 'FIRST' }] }),
  ],
];

/** Codes that leave a construct out of the target's export: an error when validating for it. */
const REFUSED_FOR_TARGET = new Set(['EXPRESSION_NOT_PORTABLE']);

describe('each export change, as a validation warning for its dialect', () => {
  test.each(EXPORT_CASES)('%s (%s) at %s', (code, dialect, path, mutate) => {
    const doc = validDocument();
    mutate(doc);
    const report = validateDesign(doc, { dialect });
    const severity = REFUSED_FOR_TARGET.has(code) ? 'error' : 'warning';
    expect(report.errors.filter((issue) => issue.code !== code)).toEqual([]);
    expect(summary(report)).toContain(`${severity} ${code} ${path}`);
    expect(validateDesign(doc).valid).toBe(true);
  });

  test('an expression the engine has no form of is an error for that dialect, not a warning', () => {
    const doc = validDocument();
    Object.assign(tableAt(doc, 0), { checks: [{ id: 'k1', expression: "email ~ '@'" }] });
    expect(validateDesign(doc).errors).toEqual([]);
    for (const dialect of ['mysql', 'sqlite'] as const)
      expect(summary({ ...validateDesign(doc, { dialect }), warnings: [] })).toContain(
        'error EXPRESSION_NOT_PORTABLE tables[0].checks[0].expression',
      );
  });

  test('EXPRESSION_NOT_PORTABLE (sqlite): what the export leaves out is an error for that dialect', () => {
    const doc = validDocument();
    doc.views = [{ id: 'v', name: 'v', definition: "SELECT id, date_trunc('day', now()) FROM users" }];
    expect(summary(validateDesign(doc, { dialect: 'sqlite' }))).toEqual([
      'error EXPRESSION_NOT_PORTABLE views[0].definition',
    ]);
    expect(validateDesign(doc).valid).toBe(true);
  });

  test('every export code has a case', () => {
    const covered = new Set<string>([...EXPORT_CASES.map(([code]) => code), 'EXPRESSION_NOT_PORTABLE']);
    expect(EXPORT_WARNING_CODES.filter((code) => !covered.has(code))).toEqual([]);
  });
});
