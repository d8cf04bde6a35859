import type { Column, Design, Table } from '@schema-builder/schema-model/design';
import { describe, expect, test } from 'vitest';
import { exportDifferences, silentDifferences } from './export-changes.test-support.ts';

const column = (id: string, extra: Partial<Column> = {}): Column => ({
  id,
  name: id.split('.')[1] ?? id,
  type: { dataType: 'INTEGER' },
  nullable: true,
  identity: false,
  unique: false,
  ...extra,
});

const table = (name: string, columns: Column[], extra: Partial<Table> = {}): Table => ({
  id: `${name}-id`,
  name,
  columns,
  primaryKey: [],
  indexes: [],
  ...extra,
});

const design = (tables: Table[], extra: Partial<Design> = {}): Design => ({
  name: 'd',
  description: '',
  enums: [],
  tables,
  foreignKeys: [],
  ...extra,
});

/** The same design as another import would make it: other ids, the same names. */
const reimported = (d: Design): Design => JSON.parse(JSON.stringify(d).replaceAll('-id', '-other'));

describe('the export comparison (design against the design read back)', () => {
  const film = table('film', [
    column('film.id'),
    column('film.title', { type: { dataType: 'VARCHAR', length: 80 } }),
  ]);

  test('the same design read back under other ids has no difference', () => {
    const d = design([film]);
    expect(exportDifferences(d, reimported(d), 'postgresql')).toEqual([]);
  });

  test('a changed type is a difference at the column, named only by a warning there', () => {
    const before = design([film]);
    const after = design([
      table('film', [column('film.id'), column('film.title', { type: { dataType: 'TEXT' } })]),
    ]);
    const differences = exportDifferences(before, after, 'postgresql');
    expect(differences).toEqual([{ path: 'tables[0].columns[1]', what: 'type "VARCHAR(80)" → "TEXT"' }]);
    expect(silentDifferences(differences, [{ path: 'tables[0].columns[1]' }])).toEqual([]);
    expect(silentDifferences(differences, [{ path: 'tables[0]' }])).toEqual(differences);
  });

  test('a missing table is one difference, and its columns go with it (named by its warning)', () => {
    const differences = exportDifferences(design([film]), design([]), 'mysql');
    expect(differences.map((d) => d.path)).toEqual([
      'tables[0]',
      'tables[0].columns[0]',
      'tables[0].columns[1]',
    ]);
    expect(silentDifferences(differences, [{ path: 'tables[0]' }])).toEqual([]);
  });

  test('a single-column unique index and a UNIQUE column are the same', () => {
    const asIndex = design([
      table('t', [column('t.a')], {
        indexes: [
          {
            id: 'i',
            name: 't_a_key',
            columnIds: ['t.a'],
            keys: [{ kind: 'column', columnId: 't.a', descending: false }],
            unique: true,
            method: 'btree',
          },
        ],
      }),
    ]);
    const asColumn = design([table('t', [column('t.a', { unique: true })])]);
    expect(exportDifferences(asIndex, asColumn, 'mysql')).toEqual([]);
    expect(exportDifferences(asColumn, asIndex, 'mysql')).toEqual([]);
  });

  test('MySQL has no named enums: an enum compares by its values at each column', () => {
    const mood = { id: 'mood-id', name: 'mood', values: ['ok', 'sad'] };
    const before = design([table('t', [column('t.m', { type: { dataType: 'ENUM', enumId: 'mood-id' } })])], {
      enums: [mood],
    });
    const after = design([table('t', [column('t.m', { type: { dataType: 'ENUM', enumId: 'x' } })])], {
      enums: [{ id: 'x', name: 't_m', values: ['ok', 'sad'] }],
    });
    expect(exportDifferences(before, after, 'mysql')).toEqual([]);
    const fewer = design([table('t', [column('t.m', { type: { dataType: 'ENUM', enumId: 'x' } })])], {
      enums: [{ id: 'x', name: 't_m', values: ['ok'] }],
    });
    expect(exportDifferences(before, fewer, 'mysql')).toEqual([
      { path: 'tables[0].columns[0]', what: 'type "ENUM(ok, sad)" → "ENUM(ok)"' },
    ]);
    // PostgreSQL has named enums: the enum and the column's type name it.
    expect(exportDifferences(before, after, 'postgresql').map((d) => d.what)).toEqual([
      'enums missing',
      'type "ENUM enums:mood" → "ENUM enums:t_m"',
    ]);
  });

  test("a foreign key the design leaves unnamed may come back with the generator's name", () => {
    const tables = [table('a', [column('a.id')]), table('b', [column('b.a')])];
    const fk = {
      id: 'fk',
      sourceTableId: 'b-id',
      sourceColumnIds: ['b.a'],
      targetTableId: 'a-id',
      targetColumnIds: ['a.id'],
      onDelete: 'NO ACTION' as const,
      onUpdate: 'NO ACTION' as const,
    };
    const unnamed = design(tables, { foreignKeys: [fk] });
    const named = design(tables, { foreignKeys: [{ ...fk, name: 'b_a_fkey' }] });
    expect(exportDifferences(unnamed, named, 'postgresql')).toEqual([]);
    expect(
      exportDifferences(named, design(tables, { foreignKeys: [{ ...fk, name: 'other' }] }), 'postgresql'),
    ).toEqual([{ path: 'foreignKeys[0]', what: 'name "b_a_fkey" → "other"' }]);
    expect(
      exportDifferences(named, design(tables, { foreignKeys: [{ ...fk, onDelete: 'CASCADE' }] }), 'sqlite'),
    ).toEqual([{ path: 'foreignKeys[0]', what: 'onDelete "NO ACTION" → "CASCADE"' }]);
  });

  test('a foreign key to a table the export renamed, with a warning, is named by that warning', () => {
    const tables = [table('a', [column('a.id')]), table('b', [column('b.a')])];
    const fk = {
      id: 'fk',
      sourceTableId: 'b-id',
      sourceColumnIds: ['b.a'],
      targetTableId: 'a-id',
      targetColumnIds: ['a.id'],
      onDelete: 'NO ACTION' as const,
      onUpdate: 'NO ACTION' as const,
    };
    const before = design(tables, { foreignKeys: [fk] });
    const renamed = design([{ ...table('s__a', [column('a.id')]), id: 'a-id' }, tables[1] as Table], {
      foreignKeys: [fk],
    });
    const differences = exportDifferences(before, renamed, 'sqlite');
    expect(differences.map((d) => `${d.path} ${d.what}`)).toEqual([
      'tables[0] tables missing',
      'tables[0].columns[0] tables.columns missing',
      'foreignKeys[0] foreignKeys missing',
    ]);
    expect(silentDifferences(differences, [{ path: 'tables[0]' }])).toEqual([]);
    // A foreign key gone while its tables are there is not named by a warning on a table.
    const dropped = exportDifferences(before, design(tables), 'sqlite');
    expect(silentDifferences(dropped, [{ path: 'tables[0]' }, { path: 'tables[1]' }])).toEqual(dropped);
  });

  test('SQL text compares without the quoting, parentheses and casts each engine adds', () => {
    const withCheck = (expression: string) =>
      design([table('t', [column('t.a')])]).tables.map((t) => ({
        ...t,
        checks: [{ id: 'c', name: 'k', expression }],
      }));
    const written = design(withCheck("status IN ('a', 'b')"));
    const readBack = design(withCheck("((\"status\")::text IN ('a'::text, 'b'::text))"));
    expect(exportDifferences(written, readBack, 'postgresql')).toEqual([]);
    expect(exportDifferences(written, design(withCheck("`status` in ('a')")), 'mysql')).toHaveLength(1);
  });

  test('a collection the model grows is compared with no change to the comparison', () => {
    const withChecks = (expression: string) =>
      design([table('t', [column('t.a')])]).tables.map((t) => ({
        ...t,
        checks: [{ id: 'c', name: 'positive', expression }],
      }));
    const before = design(withChecks('a > 0'));
    const after = design(withChecks('a >= 0'));
    expect(exportDifferences(before, after, 'postgresql')).toEqual([
      {
        path: 'tables[0].checks[0]',
        documentPath: 'tables[0].checks[0].expression',
        what: 'expression "sql a>0" → "sql a>=0"',
      },
    ]);
    expect(exportDifferences(before, design([table('t', [column('t.a')])]), 'postgresql')).toEqual([
      {
        path: 'tables[0].checks[0]',
        documentPath: 'tables[0].checks[0].expression',
        what: 'tables.checks missing',
      },
    ]);
  });

  test("a check's difference is named by a warning at its document path (a column's own check at the column's `check`)", () => {
    const base = design([table('t', [column('t.a')])]);
    const withColumnCheck = {
      ...base,
      tables: base.tables.map((t) => ({
        ...t,
        checks: [
          { id: 'k', expression: 'a > 0', columnId: t.columns[0]?.id ?? '' },
          { id: 'j', name: 'other', expression: 'a < 9' },
        ],
      })),
    };
    const differences = exportDifferences(withColumnCheck, base, 'mysql');
    expect(differences.map((d) => d.documentPath)).toEqual([
      'tables[0].columns[0].check',
      'tables[0].checks[0].expression',
    ]);
    expect(
      silentDifferences(differences, [
        { path: 'tables[0].columns[0].check' },
        { path: 'tables[0].checks[0].expression' },
      ]),
    ).toEqual([]);
  });
});
