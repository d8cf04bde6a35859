import { describe, expect, test } from 'vitest';
import {
  catalog,
  codes,
  column,
  columnOf,
  foreignKey,
  idKey,
  importValid,
  index,
  table,
  tableOf,
} from './catalog-builders.test-support.ts';
import { catalogToDesign } from './to-design.ts';

describe('catalogToDesign: a PostgreSQL schema', () => {
  const source = catalog(
    [
      table(
        'author',
        [
          column('id', 'integer', {
            nullable: false,
            default: "nextval('author_id_seq'::regclass)",
            ownedSequence: 'author_id_seq',
          }),
          column('email', 'character varying(255)', { nullable: false }),
          column('status', 'post_status', { enumName: 'post_status', default: "'draft'::post_status" }),
          column('tags', 'text[]', { default: "'{}'::text[]" }),
          column('zip', 'text', { domain: 'us_postal_code' }),
          column('created', 'timestamp with time zone', { default: 'now()' }),
          column('modified', 'timestamp without time zone', { default: "timezone('utc'::text, now())" }),
        ],
        {
          ...idKey(),
          comment: 'People who write',
          uniqueConstraints: [{ name: 'author_email_key', columns: ['email'] }],
          indexes: [
            index('author_lower_email', ['lower((email)::text)'], { expression: true }),
            index('author_live', ['email'], {
              partial: true,
              definition: 'CREATE INDEX … WHERE (status = …)',
            }),
            index('author_tags', ['tags'], { method: 'gin' }),
            index('author_created_desc', ['created'], { options: ['created DESC'] }),
          ],
        },
      ),
      table(
        'post',
        [
          column('author_id', 'integer', { nullable: false }),
          column('seq', 'integer', { nullable: false, autoIncrement: true, identityAlways: true }),
          column('author_email', 'text'),
          column('editor_id', 'integer', { nullable: false }),
        ],
        {
          primaryKey: { name: 'post_pkey', columns: ['seq', 'author_id'] },
          uniqueConstraints: [{ name: 'post_author_seq', columns: ['author_id', 'seq'] }],
          foreignKeys: [
            foreignKey('post_author_fk', ['author_id'], 'author', ['id'], {
              onDelete: 'CASCADE',
              options: ['DEFERRABLE'],
            }),
            foreignKey('post_author_email_fk', ['author_email'], 'author', ['email']),
            foreignKey('post_editor_fk', ['editor_id'], 'author', ['id'], { onDelete: 'SET NULL' }),
            foreignKey('post_audit_fk', ['author_id'], 'log', ['id'], { refSchema: 'audit' }),
          ],
        },
      ),
      table('empty', []),
    ],
    {
      enums: [{ name: 'post_status', values: ['draft', 'published'], comment: null }],
      unsupported: [
        { kind: 'view', name: 'author_names', detail: 'SELECT …' },
        { kind: 'trigger', name: 'author_touch', table: 'author' },
        {
          kind: 'check_constraint',
          name: 'author_email_check',
          table: 'author',
          detail: "CHECK (email ~ '@')",
        },
        { kind: 'table_outside_schema', name: 'log', schema: 'audit' },
      ],
    },
  );
  const result = importValid(source);
  const { document } = result;

  test('tables, columns and enums get deterministic ids and their database names', () => {
    expect(document.tables.map((t) => [t.id, t.name])).toEqual([
      ['t_author', 'author'],
      ['t_post', 'post'],
    ]);
    expect(tableOf(document, 'author').columns.map((c) => c.id)).toEqual([
      'c_author_id',
      'c_author_email',
      'c_author_status',
      'c_author_tags',
      'c_author_zip',
      'c_author_created',
      'c_author_modified',
    ]);
    expect(document.enums).toEqual([
      { id: 'e_post_status', name: 'post_status', values: ['draft', 'published'] },
    ]);
    expect(tableOf(document, 'author').comment).toBe('People who write');
  });

  test('a serial becomes auto-increment; an enum column uses the enum, with its default', () => {
    expect(columnOf(document, 'author', 'id')).toMatchObject({
      dataType: 'INTEGER',
      autoIncrement: true,
      primaryKey: true,
    });
    expect(columnOf(document, 'author', 'id')).not.toHaveProperty('defaultValue');
    expect(columnOf(document, 'author', 'status')).toMatchObject({
      dataType: 'ENUM',
      enumId: 'e_post_status',
      defaultValue: 'draft',
    });
    expect(columnOf(document, 'author', 'email')).toMatchObject({
      dataType: 'VARCHAR',
      length: 255,
      unique: true,
      nullable: false,
    });
    expect(columnOf(document, 'author', 'created')).toMatchObject({
      dataType: 'TIMESTAMPTZ',
      defaultValue: 'now()',
    });
  });

  test('what the design cannot hold is left out with a warning naming it', () => {
    expect(codes(result)).toEqual([
      'TABLE_WITHOUT_COLUMNS tables.empty',
      'DOMAIN_FLATTENED tables.author.columns.zip',
      'DEFAULT_DROPPED tables.author.columns.modified',
      'INDEX_EXPRESSION tables.author.indexes.author_lower_email',
      'INDEX_PARTIAL tables.author.indexes.author_live',
      'INDEX_METHOD tables.author.indexes.author_tags',
      'INDEX_OPTIONS_DROPPED tables.author.indexes.author_created_desc',
      'IDENTITY_ALWAYS tables.post.columns.seq',
      'PRIMARY_KEY_REORDERED tables.post.primaryKey',
      'UNIQUE_AS_INDEX tables.post.uniqueConstraints.post_author_seq',
      'FK_OPTIONS_DROPPED tables.post.foreignKeys.post_author_fk',
      'FK_DROPPED tables.post.foreignKeys.post_author_email_fk',
      'FK_ACTION_CHANGED tables.post.foreignKeys.post_editor_fk',
      'FK_DROPPED tables.post.foreignKeys.post_audit_fk',
      'UNSUPPORTED_VIEW views.author_names',
      'UNSUPPORTED_TRIGGER tables.author.triggers.author_touch',
      'UNSUPPORTED_CHECK_CONSTRAINT tables.author.checks.author_email_check',
      'UNSUPPORTED_TABLE_OUTSIDE_SCHEMA schemas.audit.tables.log',
    ]);
  });

  test('an array column is an array of its type, its default a JSON array', () => {
    expect(columnOf(document, 'author', 'tags')).toMatchObject({
      dataType: 'TEXT',
      array: true,
      defaultValue: [],
    });
  });

  test('an unsupported type becomes TEXT and keeps a literal default as text', () => {
    const shapes = importValid(
      catalog([table('shape', [column('at', 'point', { default: "'(0,0)'::point" })])]),
    );
    expect(codes(shapes)).toEqual(['TYPE_UNSUPPORTED tables.shape.columns.at']);
    expect(columnOf(shapes.document, 'shape', 'at')).toMatchObject({
      dataType: 'TEXT',
      defaultValue: '(0,0)',
    });
  });

  test('indexes: plain ones stay (losing their extras), others are dropped', () => {
    expect(tableOf(document, 'author').indexes).toEqual([
      {
        id: 'i_author_author_created_desc',
        name: 'author_created_desc',
        columns: ['c_author_created'],
        unique: false,
      },
    ]);
    expect(tableOf(document, 'post').indexes).toEqual([
      {
        id: 'i_post_post_author_seq',
        name: 'post_author_seq',
        columns: ['c_post_author_id', 'c_post_seq'],
        unique: true,
      },
    ]);
  });

  test('foreign keys keep names and actions; SET NULL on a NOT NULL column becomes NO ACTION', () => {
    expect(document.foreignKeys).toEqual([
      {
        id: 'fk_post_post_author_fk',
        name: 'post_author_fk',
        sourceTableId: 't_post',
        sourceColumnId: 'c_post_author_id',
        targetTableId: 't_author',
        targetColumnId: 'c_author_id',
        onDelete: 'CASCADE',
        onUpdate: 'NO ACTION',
      },
      expect.objectContaining({ name: 'post_editor_fk', onDelete: 'NO ACTION' }),
    ]);
  });

  test('the same catalog always gives the same document', () => {
    expect(catalogToDesign(source, { name: 'imported', dialect: 'postgresql' })).toEqual(result);
  });
});

describe('catalogToDesign: a PostgreSQL column with its own collation', () => {
  const result = importValid(
    catalog([
      table('person', [
        column('code', 'text', { collation: 'C' }),
        column('sort_name', 'character varying(80)', { collation: 'public.posix', nullable: false }),
        column('plain', 'text'),
      ]),
    ]),
  );

  test('is imported as its type, without the collation', () => {
    expect(columnOf(result.document, 'person', 'code')).toEqual({
      id: 'c_person_code',
      name: 'code',
      dataType: 'TEXT',
      nullable: true,
    });
    expect(columnOf(result.document, 'person', 'sort_name')).toMatchObject({
      dataType: 'VARCHAR',
      length: 80,
      nullable: false,
    });
  });

  test('reports the lost collation, naming the table, the column and the collation', () => {
    expect(result.warnings).toEqual([
      {
        code: 'COLLATION_DROPPED',
        path: 'tables.person.columns.code',
        message:
          'Column "code" of table "person" uses the collation "C"; a design has no collations, so it is imported with the database\'s default collation.',
      },
      {
        code: 'COLLATION_DROPPED',
        path: 'tables.person.columns.sort_name',
        message:
          'Column "sort_name" of table "person" uses the collation "public.posix"; a design has no collations, so it is imported with the database\'s default collation.',
      },
    ]);
  });
});
