import { describe, expect, test } from 'vitest';
import { EXPORT_WARNING_CODES } from '../ddl/export-warning.ts';
import type { DesignDocument } from '../design/document.ts';
import { SQL_EXPRESSION_PROBLEM_CODES } from '../sql-expression/check.ts';
import type { IssueCode, Severity } from './issue.ts';
import { ISSUE_CODES } from './issue.ts';
import {
  columnAt,
  foreignKeyAt,
  indexAt,
  issuesOf,
  summary,
  tableAt,
  validDocument,
} from './valid-document.test-support.ts';
import { validateDesign } from './validate.ts';

/** A design as the canvas sends it (PRD "Schema JSON Format" plus enums and composite keys). */
const PRD_DOCUMENT = {
  name: 'Blog platform',
  description: 'Authors, posts, tags and comments',
  version: '1.0',
  enums: [{ id: 'enum_post_status', name: 'post_status', values: ['draft', 'published', 'archived'] }],
  tables: [
    {
      id: 'tbl_users',
      name: 'users',
      position: { x: 100, y: 80 },
      columns: [
        { id: 'col_u_id', name: 'id', dataType: 'UUID', primaryKey: true, defaultValue: 'gen_random_uuid()' },
        { id: 'col_u_email', name: 'email', dataType: 'VARCHAR', length: 255, nullable: false, unique: true },
        { id: 'col_u_name', name: 'display_name', dataType: 'varchar', length: 100, nullable: true },
        { id: 'col_u_admin', name: 'is_admin', dataType: 'BOOL', nullable: false, defaultValue: 'false' },
        {
          id: 'col_u_created',
          name: 'created_at',
          dataType: 'TIMESTAMPTZ',
          nullable: false,
          defaultValue: 'now()',
        },
      ],
    },
    {
      id: 'tbl_posts',
      name: 'posts',
      comment: 'Articles written by users',
      columns: [
        {
          id: 'col_p_id',
          name: 'id',
          dataType: 'BIGINT',
          primaryKey: true,
          autoIncrement: true,
          length: null,
        },
        { id: 'col_p_author', name: 'author_id', dataType: 'UUID', nullable: false },
        { id: 'col_p_title', name: 'title', dataType: 'VARCHAR', length: 200, nullable: false },
        { id: 'col_p_body', name: 'body', dataType: 'TEXT', defaultValue: '' },
        {
          id: 'col_p_status',
          name: 'status',
          dataType: 'ENUM',
          enumId: 'enum_post_status',
          defaultValue: 'draft',
        },
        { id: 'col_p_price', name: 'price', dataType: 'DECIMAL', precision: 10, scale: 2, defaultValue: 0 },
        { id: 'col_p_meta', name: 'metadata', dataType: 'JSONB', defaultValue: { tags: [] } },
        { id: 'col_p_published', name: 'published_on', dataType: 'DATE', defaultValue: null },
      ],
      indexes: [
        { id: 'idx_posts_author', name: 'posts_author_id_idx', columns: ['author_id', 'col_p_published'] },
        { name: 'posts_title_key', columns: ['title'], unique: true },
      ],
    },
    {
      id: 'tbl_tags',
      name: 'tags',
      columns: [
        { id: 'col_t_id', name: 'id', dataType: 'INTEGER', primaryKey: true, autoIncrement: true },
        { id: 'col_t_label', name: 'label', dataType: 'VARCHAR', length: 50, unique: true, nullable: false },
      ],
    },
    {
      id: 'tbl_post_tags',
      name: 'post_tags',
      columns: [
        { id: 'col_pt_post', name: 'post_id', dataType: 'BIGINT', primaryKey: true },
        { id: 'col_pt_tag', name: 'tag_id', dataType: 'INTEGER', primaryKey: true },
        {
          id: 'col_pt_added',
          name: 'added_at',
          dataType: 'TIMESTAMP',
          precision: 3,
          defaultValue: 'CURRENT_TIMESTAMP',
        },
      ],
      indexes: [{ id: 'idx_pt_tag', name: 'post_tags_tag_id_idx', columns: ['tag_id'] }],
    },
    {
      id: 'tbl_comments',
      name: 'comments',
      columns: [
        { id: 'col_c_id', name: 'id', dataType: 'BIGINT', primaryKey: true, autoIncrement: true },
        { id: 'col_c_post', name: 'post_id', dataType: 'BIGINT', nullable: false },
        { id: 'col_c_tag', name: 'tag_id', dataType: 'INTEGER', nullable: true },
        { id: 'col_c_author', name: 'author_id', dataType: 'UUID', nullable: true },
        { id: 'col_c_parent', name: 'parent_id', dataType: 'BIGINT', nullable: true },
        { id: 'col_c_text', name: 'text', dataType: 'TEXT', nullable: false },
      ],
      indexes: [
        { id: 'idx_c_post', name: 'comments_post_tag_idx', columns: ['post_id', 'tag_id'] },
        { id: 'idx_c_author', name: 'comments_author_idx', columns: ['author_id'] },
        { id: 'idx_c_parent', name: 'comments_parent_idx', columns: ['parent_id'] },
      ],
    },
  ],
  foreignKeys: [
    {
      id: 'fk_posts_author',
      sourceTableId: 'tbl_posts',
      sourceColumnId: 'col_p_author',
      targetTableId: 'tbl_users',
      targetColumnId: 'col_u_id',
      onDelete: 'CASCADE',
    },
    {
      id: 'fk_pt_post',
      sourceTableId: 'tbl_post_tags',
      sourceColumnId: 'col_pt_post',
      targetTableId: 'tbl_posts',
      targetColumnId: 'col_p_id',
      onDelete: 'cascade',
      onUpdate: 'no action',
    },
    {
      id: 'fk_pt_tag',
      name: 'post_tags_tag_fk',
      sourceTableId: 'tbl_post_tags',
      sourceColumnId: 'col_pt_tag',
      targetTableId: 'tbl_tags',
      targetColumnId: 'col_t_id',
      onDelete: 'RESTRICT',
    },
    {
      id: 'fk_comments_post_tag',
      sourceTableId: 'tbl_comments',
      sourceColumnIds: ['col_c_post', 'col_c_tag'],
      targetTableId: 'tbl_post_tags',
      targetColumnIds: ['col_pt_post', 'col_pt_tag'],
      onDelete: 'CASCADE',
    },
    {
      id: 'fk_comments_author',
      sourceTableId: 'tbl_comments',
      sourceColumnId: 'col_c_author',
      targetTableId: 'tbl_users',
      targetColumnId: 'col_u_id',
      onDelete: 'SET_NULL',
    },
    {
      id: 'fk_comments_parent',
      sourceTableId: 'tbl_comments',
      sourceColumnId: 'col_c_parent',
      targetTableId: 'tbl_comments',
      targetColumnId: 'col_c_id',
      onDelete: 'set null',
      onUpdate: '',
    },
  ],
} satisfies DesignDocument;

describe('a valid design', () => {
  test('the PRD-style document has no errors and no warnings', () => {
    expect(validateDesign(structuredClone(PRD_DOCUMENT))).toEqual({ valid: true, errors: [], warnings: [] });
  });

  test('the shared test document has no issues', () => {
    expect(summary(validateDesign(validDocument()))).toEqual([]);
  });

  test('warnings alone keep the design valid', () => {
    const doc = validDocument();
    tableAt(doc, 0).name = 'Users';
    const report = validateDesign(doc);
    expect(report.valid).toBe(true);
    expect(summary(report)).toEqual(['warning NAME_NEEDS_QUOTING tables[0].name']);
  });
});

type Case = [IssueCode, Severity, string, (doc: DesignDocument) => void];

/** One document change per rule: the issue it must produce, exactly where, exactly once. */
/** Views `v0`, `v1`, … with these definitions, all named `name` when it is given. */
function addViews(doc: DesignDocument, definitions: string[], name?: string): void {
  doc.views = definitions.map((definition, i) => ({ id: `view${i}`, name: name ?? `v${i}`, definition }));
}

const CASES: Case[] = [
  ['NAME_EMPTY', 'error', 'tables[0].name', (doc) => Object.assign(tableAt(doc, 0), { name: '  ' })],
  [
    'NAME_TOO_LONG',
    'error',
    'tables[0].columns[1].name',
    (doc) => Object.assign(columnAt(doc, 0, 1), { name: 'e'.repeat(64) }),
  ],
  [
    'NAME_INVALID_CHARACTERS',
    'error',
    'enums[0].name',
    (doc) => Object.assign(doc.enums?.[0] ?? {}, { name: 'status\u0001' }),
  ],
  [
    'NAME_NEEDS_QUOTING',
    'warning',
    'tables[0].columns[1].name',
    (doc) => Object.assign(columnAt(doc, 0, 1), { name: 'Email' }),
  ],
  [
    'NAME_RESERVED',
    'error',
    'tables[0].columns[2].name',
    (doc) => {
      tableAt(doc, 0).columns.push({ id: 'c_users_xmin', name: 'xmin', dataType: 'INTEGER' });
    },
  ],
  [
    'DUPLICATE_ID',
    'error',
    'tables[1].columns[2].id',
    (doc) => Object.assign(columnAt(doc, 1, 2), { id: 'c_orders_id' }),
  ],
  [
    'DUPLICATE_TABLE_NAME',
    'error',
    'tables[1].name',
    (doc) => Object.assign(tableAt(doc, 1), { name: 'users' }),
  ],
  [
    'DUPLICATE_COLUMN_NAME',
    'error',
    'tables[1].columns[2].name',
    (doc) => Object.assign(columnAt(doc, 1, 2), { name: 'user_id' }),
  ],
  [
    'DUPLICATE_INDEX_NAME',
    'error',
    'tables[1].indexes[0].name',
    (doc) =>
      Object.assign(tableAt(doc, 0), { indexes: [{ name: 'orders_user_id_idx', columns: ['email'] }] }),
  ],
  [
    'DUPLICATE_CONSTRAINT_NAME',
    'error',
    'foreignKeys[1].name',
    (doc) => {
      Object.assign(foreignKeyAt(doc, 0), { name: 'orders_user_fk' });
      doc.foreignKeys?.push({ ...foreignKeyAt(doc, 0), id: 'fk_2', name: ' orders_user_fk' });
    },
  ],
  [
    'DUPLICATE_ENUM_NAME',
    'error',
    'enums[1].name',
    (doc) => doc.enums?.push({ id: 'e2', name: 'order_status', values: ['x'] }),
  ],
  [
    'NAME_CONFLICT',
    'error',
    'enums[0].name',
    (doc) => Object.assign(doc.enums?.[0] ?? {}, { name: 'orders' }),
  ],
  [
    'NO_COLUMNS',
    'error',
    'tables[2].columns',
    (doc) => doc.tables.push({ id: 't3', name: 'empty', columns: [] }),
  ],
  [
    'MISSING_PRIMARY_KEY',
    'warning',
    'tables[1]',
    (doc) => Object.assign(columnAt(doc, 1, 0), { primaryKey: false }),
  ],
  [
    'UNSUPPORTED_DATA_TYPE',
    'error',
    'tables[0].columns[1].dataType',
    (doc) => Object.assign(columnAt(doc, 0, 1), { dataType: 'GEOMETRY' }),
  ],
  [
    'INVALID_LENGTH',
    'error',
    'tables[0].columns[1].length',
    (doc) => Object.assign(columnAt(doc, 0, 1), { length: 0 }),
  ],
  [
    'INVALID_PRECISION',
    'error',
    'tables[1].columns[1].precision',
    (doc) => Object.assign(columnAt(doc, 1, 1), { dataType: 'DECIMAL', precision: 1001 }),
  ],
  [
    'INVALID_SCALE',
    'error',
    'tables[1].columns[1].scale',
    (doc) => Object.assign(columnAt(doc, 1, 1), { dataType: 'NUMERIC', precision: 5, scale: 6 }),
  ],
  [
    'IGNORED_ATTRIBUTE',
    'warning',
    'tables[0].columns[0].length',
    (doc) => Object.assign(columnAt(doc, 0, 0), { length: 255 }),
  ],
  [
    'AUTO_INCREMENT_NOT_INTEGER',
    'error',
    'tables[0].columns[1].autoIncrement',
    (doc) => Object.assign(columnAt(doc, 0, 1), { autoIncrement: true }),
  ],
  [
    'UNSIGNED_NOT_INTEGER',
    'error',
    'tables[0].columns[1].unsigned',
    (doc) => Object.assign(columnAt(doc, 0, 1), { unsigned: true }),
  ],
  [
    'UNSIGNED_BIGINT_RANGE',
    'warning',
    'tables[0].columns[0].unsigned',
    (doc) => Object.assign(columnAt(doc, 0, 0), { unsigned: true }),
  ],
  [
    'AUTO_INCREMENT_WITH_DEFAULT',
    'error',
    'tables[0].columns[0].defaultValue',
    (doc) => Object.assign(columnAt(doc, 0, 0), { defaultValue: 1 }),
  ],
  [
    'INVALID_DEFAULT',
    'error',
    'tables[1].columns[1].defaultValue',
    (doc) => Object.assign(columnAt(doc, 1, 1), { defaultValue: 'x' }),
  ],
  [
    'ENUM_WITHOUT_VALUES',
    'error',
    'enums[0].values',
    (doc) => Object.assign(doc.enums?.[0] ?? {}, { values: [] }),
  ],
  ['DUPLICATE_ENUM_VALUE', 'error', 'enums[0].values[2]', (doc) => doc.enums?.[0]?.values.push('new')],
  ['INVALID_ENUM_VALUE', 'error', 'enums[0].values[2]', (doc) => doc.enums?.[0]?.values.push('')],
  [
    'UNKNOWN_ENUM',
    'error',
    'tables[1].columns[2].enumId',
    (doc) => Object.assign(columnAt(doc, 1, 2), { enumId: 'e_nope' }),
  ],
  [
    'INDEX_WITHOUT_COLUMNS',
    'error',
    'tables[1].indexes[0].columns',
    (doc) => tableAt(doc, 1).indexes?.[0]?.columns.splice(0),
  ],
  [
    'INDEX_UNKNOWN_COLUMN',
    'error',
    'tables[1].indexes[0].columns[1]',
    (doc) => tableAt(doc, 1).indexes?.[0]?.columns.push('nope'),
  ],
  [
    'INDEX_DUPLICATE_COLUMN',
    'error',
    'tables[1].indexes[0].columns[1]',
    (doc) => tableAt(doc, 1).indexes?.[0]?.columns.push('c_orders_user'),
  ],
  [
    'FK_UNKNOWN_TABLE',
    'error',
    'foreignKeys[0].targetTableId',
    (doc) => Object.assign(foreignKeyAt(doc, 0), { targetTableId: 'nope' }),
  ],
  [
    'FK_UNKNOWN_COLUMN',
    'error',
    'foreignKeys[0].targetColumnId',
    (doc) => Object.assign(foreignKeyAt(doc, 0), { targetColumnId: 'id' }),
  ],
  [
    'FK_COLUMN_COUNT_MISMATCH',
    'error',
    'foreignKeys[0]',
    (doc) => Object.assign(foreignKeyAt(doc, 0), { sourceColumnIds: ['c_orders_user', 'c_orders_id'] }),
  ],
  [
    'FK_TYPE_MISMATCH',
    'error',
    'foreignKeys[0].sourceColumnId',
    (doc) => Object.assign(columnAt(doc, 1, 1), { dataType: 'UUID' }),
  ],
  [
    'FK_TYPE_MISMATCH',
    'warning',
    'foreignKeys[0].sourceColumnId',
    (doc) => Object.assign(columnAt(doc, 1, 1), { dataType: 'INTEGER' }),
  ],
  [
    'FK_TARGET_NOT_UNIQUE',
    'error',
    'foreignKeys[0].targetColumnId',
    (doc) => Object.assign(columnAt(doc, 0, 0), { primaryKey: false, autoIncrement: false, nullable: false }),
  ],
  [
    'FK_INVALID_ACTION',
    'error',
    'foreignKeys[0].onUpdate',
    (doc) => Object.assign(foreignKeyAt(doc, 0), { onUpdate: 'DESTROY' }),
  ],
  [
    'FK_SET_NULL_ON_NOT_NULL',
    'error',
    'foreignKeys[0].onDelete',
    (doc) => Object.assign(foreignKeyAt(doc, 0), { onDelete: 'SET NULL' }),
  ],
  [
    'FK_CIRCULAR',
    'warning',
    'foreignKeys[1]',
    (doc) => {
      tableAt(doc, 0).columns.push({
        id: 'c_users_last',
        name: 'last_order_id',
        dataType: 'BIGINT',
        unique: true,
      });
      doc.foreignKeys?.push({
        id: 'fk_users_last',
        sourceTableId: 't_users',
        sourceColumnId: 'c_users_last',
        targetTableId: 't_orders',
        targetColumnId: 'c_orders_id',
      });
    },
  ],
  ['FK_UNINDEXED', 'warning', 'foreignKeys[0]', (doc) => Object.assign(tableAt(doc, 1), { indexes: [] })],
  ...(
    [
      ['SQL_SYNTAX', 'id >'],
      ['SQL_NOT_SINGLE', 'id > 0; DROP TABLE users'],
      ['SQL_COMMENT', 'id > 0 -- )'],
      ['SQL_DOLLAR_QUOTE', 'email <> $$x$$'],
      ['SQL_PARAMETER', 'id = $1'],
      ['SQL_NOT_EXPRESSION', 'id, email'],
      ['CHECK_UNKNOWN_COLUMN', 'age > 0'],
    ] as const
  ).map(
    ([code, expression]): Case => [
      code,
      'error',
      'tables[0].checks[0].expression',
      (doc) => Object.assign(tableAt(doc, 0), { checks: [{ id: 'k1', expression }] }),
    ],
  ),
  [
    'CHECK_NOT_ON_COLUMN',
    'error',
    'tables[0].columns[1].check',
    (doc) => Object.assign(columnAt(doc, 0, 1), { check: 'id > 0' }),
  ],
  ['DUPLICATE_VIEW_NAME', 'error', 'views[1].name', (doc) => addViews(doc, ['SELECT 1', 'SELECT 2'], 'v')],
  [
    'VIEW_UNKNOWN_RELATION',
    'error',
    'views[0].definition',
    (doc) => addViews(doc, ['SELECT * FROM invoices']),
  ],
  ['VIEW_CIRCULAR', 'error', 'views[0].definition', (doc) => addViews(doc, ['SELECT * FROM v0'])],
  ['SQL_SYNTAX', 'error', 'views[0].definition', (doc) => addViews(doc, ['SELECT FROM users WHERE'])],
  ['SQL_NOT_SINGLE', 'error', 'views[0].definition', (doc) => addViews(doc, ['SELECT 1; SELECT 2'])],
  ['SQL_COMMENT', 'error', 'views[0].definition', (doc) => addViews(doc, ['SELECT 1 /* x */'])],
  ['SQL_DOLLAR_QUOTE', 'error', 'views[0].definition', (doc) => addViews(doc, ['SELECT $q$x$q$'])],
  [
    'SQL_PARAMETER',
    'error',
    'views[0].definition',
    (doc) => addViews(doc, ['SELECT * FROM users WHERE id = $1']),
  ],
  ['SQL_NOT_QUERY', 'error', 'views[0].definition', (doc) => addViews(doc, ['DELETE FROM users'])],
  [
    'DUPLICATE_SCHEMA_NAME',
    'error',
    'schemas[1].name',
    (doc) => {
      doc.schemas = [
        { id: 's1', name: 'sales' },
        { id: 's2', name: 'sales' },
      ];
    },
  ],
  [
    'UNKNOWN_SCHEMA',
    'error',
    'tables[1].schemaId',
    (doc) => Object.assign(tableAt(doc, 1), { schemaId: 's9' }),
  ],
  [
    'JSON_NOT_INDEXABLE',
    'error',
    'tables[0].columns[1].unique',
    (doc) => Object.assign(columnAt(doc, 0, 1), { dataType: 'JSON', length: undefined }),
  ],
  [
    'FK_ARRAY_MODIFIER',
    'error',
    'foreignKeys[0].sourceColumnId',
    (doc) => {
      Object.assign(columnAt(doc, 0, 0), {
        dataType: 'VARCHAR',
        length: 20,
        array: true,
        autoIncrement: false,
      });
      Object.assign(columnAt(doc, 1, 1), { dataType: 'VARCHAR', length: 20, array: true });
    },
  ],
  [
    'XML_NOT_INDEXABLE',
    'error',
    'tables[0].columns[1].unique',
    (doc) => Object.assign(columnAt(doc, 0, 1), { dataType: 'XML', length: undefined }),
  ],
  [
    'INDEX_COLUMNS_AND_KEYS',
    'error',
    'tables[1].indexes[0].keys',
    (doc) => Object.assign(indexAt(doc, 1, 0), { keys: [{ column: 'status' }] }),
  ],
  [
    'INDEX_KEY_INVALID',
    'error',
    'tables[1].indexes[0].keys[0]',
    (doc) =>
      Object.assign(indexAt(doc, 1, 0), {
        columns: [],
        keys: [{ column: 'user_id', expression: 'user_id + 1' }],
      }),
  ],
  [
    'INDEX_METHOD_UNSUPPORTED',
    'error',
    'tables[1].indexes[0].method',
    (doc) => Object.assign(indexAt(doc, 1, 0), { method: 'hash', unique: true }),
  ],
  [
    'GENERATED_WITH_DEFAULT',
    'error',
    'tables[1].columns[2].defaultValue',
    (doc) => Object.assign(columnAt(doc, 1, 2), { generated: { expression: "'new'" } }),
  ],
  [
    'GENERATED_WITH_IDENTITY',
    'error',
    'tables[1].columns[0].autoIncrement',
    (doc) =>
      Object.assign(columnAt(doc, 1, 0), { primaryKey: false, generated: { expression: 'user_id * 2' } }),
  ],
  [
    'GENERATED_IN_PRIMARY_KEY',
    'error',
    'tables[1].columns[0].primaryKey',
    (doc) =>
      Object.assign(columnAt(doc, 1, 0), { autoIncrement: false, generated: { expression: 'user_id * 2' } }),
  ],
  [
    'GENERATED_UNKNOWN_COLUMN',
    'error',
    'tables[1].columns[1].generated.expression',
    (doc) => Object.assign(columnAt(doc, 1, 1), { generated: { expression: 'total * 2' } }),
  ],
  [
    'GENERATED_REFERENCES_GENERATED',
    'error',
    'tables[0].columns[3].generated.expression',
    (doc) =>
      tableAt(doc, 0).columns.push(
        { id: 'c_lower', name: 'lower_email', dataType: 'TEXT', generated: { expression: 'lower(email)' } },
        {
          id: 'c_upper',
          name: 'upper_email',
          dataType: 'TEXT',
          generated: { expression: 'upper(lower_email)' },
        },
      ),
  ],
  [
    'GENERATED_FK_ACTION',
    'error',
    'foreignKeys[0].onDelete',
    (doc) => {
      Object.assign(columnAt(doc, 1, 1), { nullable: true, generated: { expression: 'id + 0' } });
      Object.assign(foreignKeyAt(doc, 0), { onDelete: 'SET NULL' });
    },
  ],
];

describe('each rule', () => {
  test.each(CASES)('%s (%s) at %s', (code, severity, path, mutate) => {
    const doc = validDocument();
    mutate(doc);
    const issues = issuesOf(validateDesign(doc), code);
    expect(issues.map((issue) => `${issue.severity} ${issue.path}`)).toEqual([`${severity} ${path}`]);
    expect(issues[0]?.message).toMatch(/^[A-Z].*\.$/s);
  });

  test('every issue code outside the document shape has a case', () => {
    const shape = new Set([
      'INVALID_TYPE',
      'INVALID_VALUE',
      'REQUIRED',
      'TOO_LONG',
      'TOO_MANY',
      'UNKNOWN_PROPERTY',
    ]);
    // The codes of a target dialect have their cases in dialect.test.ts.
    const dialect = new Set<string>(['KEY_TOO_LONG', 'ARRAY_NOT_INDEXABLE', ...EXPORT_WARNING_CODES]);
    // Only an expression field (a CHECK, a generated column) can be "not one expression"; views are queries.
    dialect.add('SQL_NOT_EXPRESSION');
    // The parser's codes have their cases in expressions.test.ts and sql-expression/check.test.ts.
    for (const code of SQL_EXPRESSION_PROBLEM_CODES) shape.add(code);
    const covered = new Set(CASES.map(([code]) => code));
    // Only a query (a view's body) can fail to be one; no field of this design takes a query.
    covered.add('SQL_NOT_QUERY');
    expect(
      ISSUE_CODES.filter((code) => !shape.has(code) && !dialect.has(code) && !covered.has(code)),
    ).toEqual([]);
  });
});

describe('reports', () => {
  test('lists every problem at once, errors and warnings apart', () => {
    const doc = validDocument();
    const codes = new Set<IssueCode>([
      'NAME_TOO_LONG',
      'INVALID_DEFAULT',
      'ENUM_WITHOUT_VALUES',
      'FK_INVALID_ACTION',
    ]);
    const chosen = CASES.filter(([code]) => codes.has(code) || code === 'IGNORED_ATTRIBUTE');
    for (const [, , , mutate] of chosen) mutate(doc);
    const report = validateDesign(doc);
    expect(report.valid).toBe(false);
    const expected = chosen.map(([code, severity, path]) => `${severity} ${code} ${path}`);
    expect(summary(report).sort()).toEqual(expected.sort());
    expect(report.errors.every((issue) => issue.severity === 'error')).toBe(true);
    expect(report.warnings.every((issue) => issue.severity === 'warning')).toBe(true);
  });

  test('messages name the offending thing', () => {
    const doc = validDocument();
    Object.assign(columnAt(doc, 1, 2), { name: 'id' });
    expect(issuesOf(validateDesign(doc), 'DUPLICATE_COLUMN_NAME')[0]?.message).toBe(
      'Table "orders" has two columns named "id".',
    );
  });

  test('names compare exactly: quoted identifiers are case-sensitive', () => {
    const doc = validDocument();
    Object.assign(tableAt(doc, 1), { name: 'Users' });
    expect(issuesOf(validateDesign(doc), 'DUPLICATE_TABLE_NAME')).toEqual([]);
  });

  test('a duplicate is reported once per extra occurrence, never at the first', () => {
    const doc = validDocument();
    for (const id of ['t2', 't3']) doc.tables.push({ ...structuredClone(tableAt(doc, 0)), id });
    expect(issuesOf(validateDesign(doc), 'DUPLICATE_TABLE_NAME').map((issue) => issue.path)).toEqual([
      'tables[2].name',
      'tables[3].name',
    ]);
  });

  test('empty names are reported as empty, not as duplicates', () => {
    const doc = validDocument();
    Object.assign(tableAt(doc, 0), { name: '' });
    Object.assign(tableAt(doc, 1), { name: '' });
    const report = validateDesign(doc);
    expect(issuesOf(report, 'DUPLICATE_TABLE_NAME')).toEqual([]);
    expect(issuesOf(report, 'NAME_EMPTY').map((issue) => issue.message)).toEqual([
      'Table 1 has no name.',
      'Table 2 has no name.',
    ]);
  });

  test('does not modify the document', () => {
    const doc = validDocument();
    Object.assign(columnAt(doc, 1, 1), { defaultValue: 'x', dataType: 'int' });
    const before = structuredClone(doc);
    validateDesign(doc);
    expect(doc).toEqual(before);
  });
});
