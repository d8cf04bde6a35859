import { describe, expect, test } from 'vitest';
import type { DesignDocument } from '../design/document.ts';
import { parseDesign } from '../validation/parse.ts';
import { generateDdl } from './generate.ts';

function design(extra: Partial<DesignDocument['tables'][number]>) {
  const parsed = parseDesign({
    name: 'd',
    tables: [
      {
        id: 't',
        name: 'people',
        columns: [
          { id: 'c1', name: 'id', dataType: 'INT', primaryKey: true },
          { id: 'c2', name: 'email', dataType: 'VARCHAR', length: 200, nullable: false },
          ...(extra.columns ?? []),
        ],
        indexes: extra.indexes ?? [],
      },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.report.errors));
  return parsed.design;
}

const sqlOf = (d: ReturnType<typeof design>, dialect: 'postgresql' | 'mysql' | 'sqlite') =>
  generateDdl(d, { dialect }).statements.filter((s) => !s.startsWith('SET '));

describe('generated columns and richer indexes in DDL', () => {
  test('a plain index is written as before, whether given as columns or as ascending column keys', () => {
    const byColumns = design({ indexes: [{ name: 'people_email_idx', columns: ['email'] }] });
    const byKeys = design({
      indexes: [{ name: 'people_email_idx', columns: [], keys: [{ column: 'email' }] }],
    });
    for (const dialect of ['postgresql', 'mysql', 'sqlite'] as const)
      expect(sqlOf(byKeys, dialect)).toEqual(sqlOf(byColumns, dialect));
    expect(sqlOf(byColumns, 'postgresql')).toContain(
      'CREATE INDEX "people_email_idx" ON "people" ("email");',
    );
  });

  test('PostgreSQL: method, order, NULLS, expression keys and predicate as written', () => {
    const d = design({
      indexes: [
        {
          name: 'people_rich_idx',
          columns: [],
          keys: [{ expression: 'lower(email)' }, { column: 'id', order: 'DESC', nulls: 'LAST' }],
          where: 'id > 10',
        },
        { name: 'people_hash_idx', columns: ['email'], method: 'hash' },
        // DESC NULLS FIRST is PostgreSQL's default for DESC: not written twice.
        { name: 'people_desc_idx', columns: [], keys: [{ column: 'id', order: 'DESC', nulls: 'FIRST' }] },
      ],
    });
    expect(sqlOf(d, 'postgresql')).toEqual(
      expect.arrayContaining([
        'CREATE INDEX "people_rich_idx" ON "people" ((lower(email)), "id" DESC NULLS LAST) WHERE (id > 10);',
        'CREATE INDEX "people_hash_idx" ON "people" USING hash ("email");',
        'CREATE INDEX "people_desc_idx" ON "people" ("id" DESC);',
      ]),
    );
  });

  test('a generated column: GENERATED ALWAYS AS … STORED in PostgreSQL, AS (…) STORED rewritten for MySQL and SQLite', () => {
    const d = design({
      columns: [
        { id: 'c3', name: 'email_lower', dataType: 'TEXT', generated: { expression: 'lower(email)' } },
      ],
    });
    expect(sqlOf(d, 'postgresql').join('\n')).toContain(
      '"email_lower" text GENERATED ALWAYS AS (lower(email)) STORED',
    );
    expect(sqlOf(d, 'mysql').join('\n')).toContain('`email_lower` text AS (LOWER(`email`)) STORED');
    expect(sqlOf(d, 'sqlite').join('\n')).toContain('"email_lower" TEXT AS (lower("email")) STORED');
  });

  test('an expression the dialect has no form of is left out with EXPRESSION_NOT_PORTABLE and a comment there', () => {
    const d = design({
      columns: [
        {
          id: 'c3',
          name: 'domain',
          dataType: 'TEXT',
          nullable: false,
          generated: { expression: "split_part(email, '@', 2)" },
        },
      ],
      indexes: [
        { name: 'people_domain_idx', columns: [], keys: [{ expression: "split_part(email, '@', 2)" }] },
      ],
    });
    const sqlite = generateDdl(d, { dialect: 'sqlite' });
    expect(sqlite.warnings.map((w) => `${w.code} ${w.path}`)).toEqual([
      'EXPRESSION_NOT_PORTABLE tables[0].columns[2]',
      'EXPRESSION_NOT_PORTABLE tables[0].indexes[0]',
    ]);
    // The column is a plain nullable one (nothing would fill it), the index is not written.
    expect(sqlite.sql).toContain('"domain" TEXT,');
    expect(sqlite.sql).not.toContain('CREATE INDEX');
    // Every statement runs: the comment of the index left out is not a statement of its own.
    expect(sqlite.statements.every((s) => s.split('\n').some((line) => !line.startsWith('--')))).toBe(true);
    const mysql = generateDdl(d, { dialect: 'mysql' });
    expect(mysql.warnings.map((w) => w.code)).toEqual([
      'EXPRESSION_NOT_PORTABLE',
      'INDEX_EXPRESSION_DROPPED',
    ]);
    expect(mysql.sql).toContain('`domain` text,');
  });

  test('MySQL computes no generated column from the AUTO_INCREMENT column: a plain column there, warned', () => {
    const parsed = parseDesign({
      name: 'd',
      tables: [
        {
          id: 't',
          name: 'numbered',
          columns: [
            { id: 'c1', name: 'id', dataType: 'INT', primaryKey: true, autoIncrement: true },
            { id: 'c2', name: 'twice', dataType: 'INT', generated: { expression: 'id * 2' } },
          ],
        },
      ],
    });
    if (!parsed.ok) throw new Error('invalid fixture');
    const mysql = generateDdl(parsed.design, { dialect: 'mysql' });
    expect(mysql.warnings.map((w) => `${w.code} ${w.path}`)).toEqual([
      'EXPRESSION_NOT_PORTABLE tables[0].columns[1]',
    ]);
    expect(mysql.sql).toContain('`twice` int,');
    expect(generateDdl(parsed.design, { dialect: 'sqlite' }).sql).toContain(
      '"twice" INTEGER AS (("id" * 2)) STORED',
    );
  });
});
