import { postgresTypesDesign } from '@schema-builder/testing/fixtures';
import { describe, expect, test } from 'vitest';
import type { DesignDocument } from '../design/document.ts';
import { normalizeDesign } from '../design/normalize.ts';
import { generateDdl } from './generate.ts';

const one = (column: DesignDocument['tables'][number]['columns'][number]): DesignDocument => ({
  name: 'one',
  tables: [
    {
      id: 't',
      name: 't',
      columns: [{ id: 'id', name: 'id', dataType: 'INTEGER', primaryKey: true }, column],
    },
  ],
});

const columnLine = (sql: string, name: string) =>
  sql
    .split('\n')
    .find((line) => line.trimStart().startsWith(`"${name}"`) || line.trimStart().startsWith(`\`${name}\``));

describe("DDL of PostgreSQL's own types and arrays", () => {
  test('PostgreSQL writes each natively, an array with [], and creates citext first', () => {
    const { sql, statements, warnings } = generateDdl(normalizeDesign(postgresTypesDesign));
    expect(warnings).toEqual([]);
    const creates = statements.filter((s) => s.startsWith('CREATE'));
    expect(creates[0]).toBe('CREATE EXTENSION IF NOT EXISTS "citext";');
    expect(columnLine(sql, 'wait_ms')?.trim()).toBe('"wait_ms" interval(3) DEFAULT \'1 day 02:00:00\',');
    expect(columnLine(sql, 'price')?.trim()).toBe('"price" money DEFAULT 12.5,');
    expect(columnLine(sql, 'codes')?.trim()).toBe('"codes" varchar(20)[] DEFAULT \'{"a b",NULL}\',');
    expect(columnLine(sql, 'moods')?.trim()).toBe('"moods" "mood"[] DEFAULT \'{"happy"}\',');
  });

  test('a design without CITEXT creates no extension', () => {
    const { statements } = generateDdl(normalizeDesign(one({ id: 'c', name: 'c', dataType: 'INET' })));
    expect(statements.some((s) => s.includes('EXTENSION'))).toBe(false);
  });

  test.each<[string, DesignDocument['tables'][number]['columns'][number], string, string]>([
    ['INET', { id: 'c', name: 'c', dataType: 'INET' }, '`c` varchar(49)', '"c" TEXT'],
    ['MACADDR', { id: 'c', name: 'c', dataType: 'MACADDR' }, '`c` varchar(17)', '"c" TEXT'],
    [
      'CITEXT',
      { id: 'c', name: 'c', dataType: 'CITEXT' },
      '`c` text COLLATE utf8mb4_unicode_ci',
      '"c" TEXT COLLATE NOCASE',
    ],
    ['INTERVAL', { id: 'c', name: 'c', dataType: 'INTERVAL' }, '`c` varchar(100)', '"c" TEXT'],
    [
      'MONEY',
      { id: 'c', name: 'c', dataType: 'MONEY', defaultValue: '0.50' },
      '`c` decimal(19,2) DEFAULT 0.50',
      '"c" DECIMAL(19,2) DEFAULT 0.50',
    ],
    ['XML', { id: 'c', name: 'c', dataType: 'XML' }, '`c` longtext', '"c" TEXT'],
    ['TSVECTOR', { id: 'c', name: 'c', dataType: 'TSVECTOR' }, '`c` longtext', '"c" TEXT'],
    ['DATERANGE', { id: 'c', name: 'c', dataType: 'DATERANGE' }, '`c` text', '"c" TEXT'],
    [
      'INTEGER[]',
      { id: 'c', name: 'c', dataType: 'INTEGER', array: true, defaultValue: '{1,2}' },
      "`c` json DEFAULT ('[1,2]') CHECK (json_type(`c`) = 'ARRAY')",
      `"c" TEXT DEFAULT '[1,2]' CHECK (json_valid("c") AND json_type("c") = 'array')`,
    ],
  ])(
    '%s in MySQL and SQLite: the nearest form, a warning and a comment at the column',
    (_, column, mysql, sqlite) => {
      const design = normalizeDesign(one(column));
      for (const [dialect, expected] of [
        ['mysql', mysql],
        ['sqlite', sqlite],
      ] as const) {
        const { sql, warnings } = generateDdl(design, { dialect });
        const lines = sql.split('\n').map((line) => line.trim());
        const at = lines.findIndex((line) => line.startsWith(expected));
        expect(at, `${dialect}: ${sql}`).toBeGreaterThan(0);
        expect(warnings).toHaveLength(1);
        expect(warnings[0]?.path).toBe('tables[0].columns[1]');
        expect(lines[at - 1]).toBe(`-- ${warnings[0]?.code}: ${warnings[0]?.message}`);
      }
    },
  );
});
