import type { IntrospectedTable } from '@schema-builder/schema-model/import';
import { queryMeaning } from '@schema-builder/schema-model/sql-expression';
import type { TestDatabase } from '@schema-builder/testing/postgres';
import { createTestDatabase } from '@schema-builder/testing/postgres';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { introspectPostgres, SchemaNotFoundError } from './introspect.ts';

const SCHEMA = `
  CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
  CREATE DOMAIN us_zip AS text CHECK (VALUE ~ '^[0-9]{5}$');
  CREATE SCHEMA audit;
  CREATE TABLE audit.log (id bigint PRIMARY KEY);
  CREATE TABLE author (
    id serial PRIMARY KEY,
    email varchar(255) NOT NULL UNIQUE,
    mood mood DEFAULT 'ok',
    zip us_zip,
    tags text[] DEFAULT '{}',
    created timestamptz(3) NOT NULL DEFAULT now(),
    name_upper text GENERATED ALWAYS AS (upper(email)) STORED,
    log_id bigint REFERENCES audit.log (id),
    CHECK (email <> '')
  );
  COMMENT ON TABLE author IS 'People who write';
  COMMENT ON COLUMN author.email IS 'Where to write to';
  CREATE TABLE post (
    author_id integer NOT NULL,
    seq integer GENERATED ALWAYS AS IDENTITY,
    title text,
    during tsrange,
    PRIMARY KEY (seq, author_id),
    CONSTRAINT post_title_per_author UNIQUE (author_id, title),
    CONSTRAINT post_author_fk FOREIGN KEY (author_id) REFERENCES author (id)
      ON DELETE CASCADE ON UPDATE RESTRICT DEFERRABLE INITIALLY DEFERRED,
    EXCLUDE USING gist (during WITH &&)
  );
  CREATE INDEX post_title_partial ON post (title) WHERE title IS NOT NULL;
  CREATE INDEX post_title_lower ON post (lower(title));
  CREATE INDEX post_title_desc ON post (title DESC) INCLUDE (author_id);
  CREATE INDEX post_title_pattern ON post (title text_pattern_ops);
  CREATE INDEX post_title_hash ON post USING hash (title);
  CREATE UNIQUE INDEX post_seq_title ON post (seq, title);
  CREATE SEQUENCE standalone_seq;
  CREATE TABLE measurement (at date NOT NULL, value integer) PARTITION BY RANGE (at);
  CREATE TABLE measurement_2024 PARTITION OF measurement FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
  CREATE TABLE base (id integer);
  CREATE TABLE child (extra text) INHERITS (base);
  CREATE TABLE empty ();
  CREATE VIEW author_names AS SELECT email FROM author;
  CREATE FUNCTION shout(text) RETURNS text LANGUAGE sql AS $$ SELECT upper($1) $$;
  CREATE VIEW author_shouts AS SELECT shout(email) AS loud, email::us_zip AS zip FROM author;
  CREATE MATERIALIZED VIEW author_count AS SELECT count(*) FROM author;
  CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
  CREATE TRIGGER author_touch BEFORE UPDATE ON author FOR EACH ROW EXECUTE FUNCTION touch();
  CREATE RULE post_no_delete AS ON DELETE TO post DO INSTEAD NOTHING;
  CREATE POLICY author_own ON author USING (true);
`;

let db: TestDatabase;
let tables: Map<string, IntrospectedTable>;
let catalog: Awaited<ReturnType<typeof introspectPostgres>>;

beforeAll(async () => {
  db = await createTestDatabase('sbintro');
  await db.sql.unsafe(SCHEMA).simple();
  catalog = await introspectPostgres(db.sql);
  tables = new Map(catalog.tables.map((table) => [table.name, table]));
});
afterAll(() => db.drop());

const tableNamed = (name: string): IntrospectedTable => {
  const table = tables.get(name);
  if (!table) throw new Error(`no table ${name}`);
  return table;
};

describe('introspectPostgres', () => {
  test('reads tables in name order; partitions and other schemas are set aside', () => {
    expect(catalog.schema).toBe('public');
    expect([...tables.keys()]).toEqual(['author', 'base', 'child', 'empty', 'measurement', 'post']);
  });

  test('columns: native types, enums, domains, defaults, serial, generated, comments', () => {
    const author = tableNamed('author');
    expect(author.comment).toBe('People who write');
    expect(author.columns).toEqual([
      {
        name: 'id',
        nativeType: 'integer',
        nullable: false,
        default: "nextval('author_id_seq'::regclass)",
        autoIncrement: false,
        ownedSequence: 'author_id_seq',
        comment: null,
      },
      {
        name: 'email',
        nativeType: 'character varying(255)',
        nullable: false,
        default: null,
        autoIncrement: false,
        comment: 'Where to write to',
      },
      {
        name: 'mood',
        nativeType: 'mood',
        enumName: 'mood',
        nullable: true,
        default: "'ok'::mood",
        autoIncrement: false,
        comment: null,
      },
      {
        name: 'zip',
        nativeType: 'text',
        domain: 'us_zip',
        nullable: true,
        default: null,
        autoIncrement: false,
        comment: null,
      },
      {
        name: 'tags',
        nativeType: 'text[]',
        nullable: true,
        default: "'{}'::text[]",
        autoIncrement: false,
        comment: null,
      },
      {
        name: 'created',
        nativeType: 'timestamp(3) with time zone',
        nullable: false,
        default: 'now()',
        autoIncrement: false,
        comment: null,
      },
      {
        name: 'name_upper',
        nativeType: 'text',
        nullable: true,
        default: null,
        autoIncrement: false,
        generated: 'upper((email)::text)',
        generatedKind: 'stored',
        comment: null,
      },
      {
        name: 'log_id',
        nativeType: 'bigint',
        nullable: true,
        default: null,
        autoIncrement: false,
        comment: null,
      },
    ]);
    expect(tableNamed('post').columns[1]).toMatchObject({
      name: 'seq',
      autoIncrement: true,
      identityAlways: true,
      default: null,
    });
  });

  test('keys and foreign keys, with actions, options and other schemas', () => {
    const post = tableNamed('post');
    expect(post.primaryKey).toEqual({ name: 'post_pkey', columns: ['seq', 'author_id'] });
    expect(post.uniqueConstraints).toEqual([
      { name: 'post_title_per_author', columns: ['author_id', 'title'] },
    ]);
    expect(post.foreignKeys).toEqual([
      {
        name: 'post_author_fk',
        columns: ['author_id'],
        refSchema: null,
        refTable: 'author',
        refColumns: ['id'],
        onDelete: 'CASCADE',
        onUpdate: 'RESTRICT',
        options: ['DEFERRABLE INITIALLY DEFERRED'],
      },
    ]);
    expect(tableNamed('author').uniqueConstraints).toEqual([
      { name: 'author_email_key', columns: ['email'] },
    ]);
    expect(tableNamed('author').foreignKeys[0]).toMatchObject({ refSchema: 'audit', refTable: 'log' });
  });

  test('indexes: each key with its order, and the predicate of a partial index', () => {
    const index = (name: string) => tableNamed('post').indexes.find((i) => i.name === name);
    expect(index('post_title_desc')?.keys).toEqual([{ column: 'title', descending: true, nullsFirst: true }]);
    expect(index('post_title_lower')?.keys).toEqual([
      { expression: 'lower(title)', descending: false, nullsFirst: false },
    ]);
    expect(index('post_title_partial')?.where).toBe('title IS NOT NULL');
    expect(index('post_title_lower')?.where).toBeUndefined();
  });

  test('indexes: what makes each more than a plain B-tree index on columns', () => {
    const indexes = Object.fromEntries(
      tableNamed('post').indexes.map(({ name, columns, unique, partial, expression, method, options }) => [
        name,
        { columns, unique, partial, expression, method, options },
      ]),
    );
    expect(indexes).toEqual({
      post_seq_title: {
        columns: ['seq', 'title'],
        unique: true,
        partial: false,
        expression: false,
        method: null,
        options: [],
      },
      post_title_desc: {
        columns: ['title'],
        unique: false,
        partial: false,
        expression: false,
        method: null,
        options: ['INCLUDE (author_id)'],
      },
      post_title_hash: {
        columns: ['title'],
        unique: false,
        partial: false,
        expression: false,
        method: 'hash',
        options: [],
      },
      post_title_lower: {
        columns: ['lower(title)'],
        unique: false,
        partial: false,
        expression: true,
        method: null,
        options: [],
      },
      post_title_partial: {
        columns: ['title'],
        unique: false,
        partial: true,
        expression: false,
        method: null,
        options: [],
      },
      post_title_pattern: {
        columns: ['title'],
        unique: false,
        partial: false,
        expression: false,
        method: null,
        options: ['operator class text_pattern_ops'],
      },
    });
  });

  test('checks are read with their columns, as PostgreSQL deparses them', () => {
    expect(catalog.tables.find((t) => t.name === 'author')?.checks).toEqual([
      { name: 'author_email_check', expression: "email::text <> ''::text", columns: ['email'], options: [] },
    ]);
  });

  test('what a design cannot hold is listed, by kind', () => {
    const listed = catalog.unsupported.map(
      (o) => `${o.kind} ${o.schema ? `${o.schema}.` : ''}${o.table ? `${o.table}.` : ''}${o.name}`,
    );
    expect(listed.sort()).toEqual(
      [
        'domain us_zip',
        'exclusion_constraint post.post_during_excl',
        'function shout(text)',
        'function touch()',
        'inherited_table child.child',
        'materialized_view author_count',
        'partition measurement.measurement_2024',
        'policy author.author_own',
        'rule post.post_no_delete',
        'sequence standalone_seq',
        'table_outside_schema audit.log',
        'trigger author.author_touch',
      ].sort(),
    );
    // A view is read with PostgreSQL's own text of its query (compared by meaning: PostgreSQL 16
    // stopped qualifying columns of a lone table); a materialized view is not a view. What a
    // view needs that a design cannot create is listed with it.
    const byMeaning = <T extends { definition: string }>(views: readonly T[] | undefined) =>
      views?.map((view) => ({ ...view, definition: queryMeaning(view.definition) }));
    expect(byMeaning(catalog.views)).toEqual(
      byMeaning([
        { name: 'author_names', definition: 'SELECT author.email FROM author', comment: null },
        {
          name: 'author_shouts',
          definition: 'SELECT shout((author.email)::text) AS loud, (author.email)::us_zip AS zip FROM author',
          comment: null,
          needs: ['function shout(text)', 'type us_zip'],
        },
      ]),
    );
    expect(catalog.views?.every((view) => queryMeaning(view.definition) !== undefined)).toBe(true);
    expect(catalog.enums).toEqual([{ name: 'mood', values: ['sad', 'ok', 'happy'], comment: null }]);
  });

  test('the number of queries does not grow with the number of tables', async () => {
    const count = async () => {
      let queries = 0;
      const sql = postgres(db.url, {
        max: 1,
        fetch_types: false,
        onnotice: () => {},
        debug: () => queries++,
      });
      try {
        await introspectPostgres(sql);
      } finally {
        await sql.end({ timeout: 5 });
      }
      return queries;
    };
    const before = await count();
    // begin, the schema's oid, six catalog queries, the search path and the views, commit.
    expect(before).toBe(11);
    await db.sql
      .unsafe(
        Array.from(
          { length: 20 },
          (_, i) => `CREATE TABLE extra_${i} (id int PRIMARY KEY, ref int REFERENCES author (id));`,
        ).join('\n'),
      )
      .simple();
    expect(await count()).toBe(before);
  });

  test('a schema that does not exist is an error of its own', async () => {
    await expect(introspectPostgres(db.sql, { schema: 'nope' })).rejects.toBeInstanceOf(SchemaNotFoundError);
  });
});
