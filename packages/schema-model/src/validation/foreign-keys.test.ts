import { describe, expect, test } from 'vitest';
import type { ColumnDocument, DesignDocument, ForeignKeyDocument } from '../design/document.ts';
import { foreignKeyAt, issuesOf, summary, tableAt, validDocument } from './valid-document.test-support.ts';
import { validateDesign } from './validate.ts';

const column = (id: string, dataType = 'INTEGER', extra: Partial<ColumnDocument> = {}): ColumnDocument => ({
  id,
  name: id,
  dataType,
  ...extra,
});

/**
 * parent: a, b (composite primary key), c (unique), d, e; unique index (c, d), plain index (e).
 * child: x, y, z (nullable INTEGERs) with an index on (x, y), or the given columns and no index.
 * One foreign key child → parent.
 */
function parentChild(fk: Partial<ForeignKeyDocument>, childColumns?: ColumnDocument[]): DesignDocument {
  return {
    name: 'fk',
    enums: [
      { id: 'e1', name: 'mood', values: ['ok'] },
      { id: 'e2', name: 'colour', values: ['red'] },
    ],
    tables: [
      {
        id: 'parent',
        name: 'parent',
        columns: [
          column('a', 'INTEGER', { primaryKey: true }),
          column('b', 'INTEGER', { primaryKey: true }),
          column('c', 'INTEGER', { unique: true }),
          column('d'),
          column('e'),
        ],
        indexes: [
          { name: 'parent_c_d_key', columns: ['c', 'd'], unique: true },
          { name: 'parent_e_idx', columns: ['e'] },
        ],
      },
      {
        id: 'child',
        name: 'child',
        columns: childColumns ?? [
          column('id', 'BIGINT', { primaryKey: true }),
          column('x'),
          column('y'),
          column('z'),
        ],
        indexes: childColumns ? [] : [{ name: 'child_x_y_idx', columns: ['x', 'y'] }],
      },
    ],
    foreignKeys: [{ id: 'fk1', sourceTableId: 'child', targetTableId: 'parent', ...fk }],
  };
}

const issues = (doc: DesignDocument) => summary(validateDesign(doc));

describe('what a foreign key may reference', () => {
  test.each<[string[], string[], string[]]>([
    [['x', 'y'], ['a', 'b'], []],
    [['x', 'y'], ['b', 'a'], []],
    [['x'], ['c'], []],
    [['x', 'y'], ['d', 'c'], []],
    [['x'], ['a'], ['error FK_TARGET_NOT_UNIQUE foreignKeys[0].targetColumnIds']],
    [['x'], ['e'], ['error FK_TARGET_NOT_UNIQUE foreignKeys[0].targetColumnIds']],
    [['x', 'y'], ['a', 'a'], ['error FK_TARGET_NOT_UNIQUE foreignKeys[0].targetColumnIds']],
    [
      ['x', 'y', 'z'],
      ['a', 'b', 'c'],
      ['error FK_TARGET_NOT_UNIQUE foreignKeys[0].targetColumnIds', 'warning FK_UNINDEXED foreignKeys[0]'],
    ],
  ])('%j → %j', (sourceColumnIds, targetColumnIds, expected) => {
    expect(issues(parentChild({ sourceColumnIds, targetColumnIds }))).toEqual(expected);
  });

  test('single-column references use sourceColumnId and targetColumnId', () => {
    expect(issues(parentChild({ sourceColumnId: 'x', targetColumnId: 'c' }))).toEqual([]);
    expect(issues(parentChild({ sourceColumnId: 'x', targetColumnId: 'd' }))).toEqual([
      'error FK_TARGET_NOT_UNIQUE foreignKeys[0].targetColumnId',
    ]);
  });

  test('the message names the columns and explains the rule', () => {
    const report = validateDesign(parentChild({ sourceColumnId: 'x', targetColumnId: 'e' }));
    expect(issuesOf(report, 'FK_TARGET_NOT_UNIQUE')[0]?.message).toBe(
      'The foreign key from "child" to "parent" references column "e" of table "parent", which is not unique. A foreign key must reference the primary key, a unique column or the columns of a unique index.',
    );
  });
});

describe('references', () => {
  test.each<[Partial<ForeignKeyDocument>, string[]]>([
    [
      { sourceTableId: 'nope', sourceColumnId: 'x', targetColumnId: 'c' },
      ['error FK_UNKNOWN_TABLE foreignKeys[0].sourceTableId'],
    ],
    [
      { targetTableId: 'nope', sourceColumnId: 'x', targetColumnId: 'c' },
      ['error FK_UNKNOWN_TABLE foreignKeys[0].targetTableId'],
    ],
    [{ targetColumnId: 'c' }, ['error FK_UNKNOWN_COLUMN foreignKeys[0].sourceColumnId']],
    [{ sourceColumnId: 'x', targetColumnIds: [] }, ['error FK_UNKNOWN_COLUMN foreignKeys[0].targetColumnId']],
    [
      { sourceColumnId: 'x', targetColumnId: 'zzz' },
      ['error FK_UNKNOWN_COLUMN foreignKeys[0].targetColumnId'],
    ],
    [
      { sourceColumnIds: ['x', 'nope'], targetColumnIds: ['a', 'b'] },
      ['error FK_UNKNOWN_COLUMN foreignKeys[0].sourceColumnIds[1]'],
    ],
    [
      { sourceColumnIds: ['x', 'y'], targetColumnIds: ['a'] },
      [
        'error FK_COLUMN_COUNT_MISMATCH foreignKeys[0]',
        'error FK_TARGET_NOT_UNIQUE foreignKeys[0].targetColumnIds',
      ],
    ],
    [{ sourceColumnIds: ['x', 'y'], targetColumnId: 'c' }, ['error FK_COLUMN_COUNT_MISMATCH foreignKeys[0]']],
  ])('%j', (fk, expected) => {
    expect(issues(parentChild(fk))).toEqual(expected);
  });

  test('columns are referenced by id; a column name gets a hint with the id', () => {
    const doc = validDocument();
    foreignKeyAt(doc, 0).sourceColumnId = 'user_id';
    expect(issuesOf(validateDesign(doc), 'FK_UNKNOWN_COLUMN')).toEqual([
      {
        code: 'FK_UNKNOWN_COLUMN',
        severity: 'error',
        path: 'foreignKeys[0].sourceColumnId',
        message:
          'The foreign key from "orders" to "users" uses the column id "user_id", which table "orders" does not have. Foreign keys name columns by id: use "c_orders_user", the id of column "user_id".',
      },
    ]);
  });

  test('foreign key ids are unique', () => {
    const doc = validDocument();
    doc.foreignKeys?.push({ ...foreignKeyAt(doc, 0) });
    expect(issuesOf(validateDesign(doc), 'DUPLICATE_ID').map((issue) => issue.path)).toEqual([
      'foreignKeys[1].id',
    ]);
  });
});

describe('column types', () => {
  test.each<[string, Partial<ColumnDocument>, string, Partial<ColumnDocument>, string[]]>([
    ['INTEGER', {}, 'INTEGER', {}, []],
    ['int4', {}, 'INTEGER', {}, []],
    ['DECIMAL', { precision: 10 }, 'NUMERIC', { precision: 12, scale: 2 }, []],
    ['VARCHAR', { length: 10 }, 'VARCHAR', { length: 20 }, []],
    ['ENUM', { enumId: 'e1' }, 'ENUM', { enumId: 'e1' }, []],
    ['INTEGER', {}, 'BIGINT', {}, ['warning FK_TYPE_MISMATCH foreignKeys[0].sourceColumnId']],
    ['BIGINT', {}, 'SMALLINT', {}, ['warning FK_TYPE_MISMATCH foreignKeys[0].sourceColumnId']],
    ['TEXT', {}, 'INTEGER', {}, ['error FK_TYPE_MISMATCH foreignKeys[0].sourceColumnId']],
    ['VARCHAR', {}, 'TEXT', {}, ['error FK_TYPE_MISMATCH foreignKeys[0].sourceColumnId']],
    ['TIMESTAMP', {}, 'TIMESTAMPTZ', {}, ['error FK_TYPE_MISMATCH foreignKeys[0].sourceColumnId']],
    [
      'ENUM',
      { enumId: 'e1' },
      'ENUM',
      { enumId: 'e2' },
      ['error FK_TYPE_MISMATCH foreignKeys[0].sourceColumnId'],
    ],
    ['GEOMETRY', {}, 'INTEGER', {}, ['error UNSUPPORTED_DATA_TYPE tables[1].columns[0].dataType']],
    ['TEXT', { array: true }, 'TEXT', { array: true }, []],
    ['INET', {}, 'INET', {}, []],
    // PostgreSQL compares integers of different widths, not arrays of them.
    [
      'INTEGER',
      { array: true },
      'BIGINT',
      { array: true },
      ['error FK_TYPE_MISMATCH foreignKeys[0].sourceColumnId'],
    ],
    ['TEXT', { array: true }, 'TEXT', {}, ['error FK_TYPE_MISMATCH foreignKeys[0].sourceColumnId']],
    [
      'VARCHAR',
      { length: 5, array: true },
      'VARCHAR',
      { length: 5, array: true },
      ['error FK_ARRAY_MODIFIER foreignKeys[0].sourceColumnId'],
    ],
  ])('%s %j → %s %j', (sourceType, sourceExtra, targetType, targetExtra, expected) => {
    const doc = parentChild({ sourceColumnId: 's', targetColumnId: 't' }, [
      column('s', sourceType, sourceExtra),
    ]);
    tableAt(doc, 0).columns.push(column('t', targetType, { ...targetExtra, unique: true }));
    tableAt(doc, 1).indexes = [{ name: 'child_s_idx', columns: ['s'] }];
    expect(issues(doc).filter((line) => !line.includes('MISSING_PRIMARY_KEY'))).toEqual(expected);
  });

  test('composite keys compare column by column', () => {
    const doc = parentChild({ sourceColumnIds: ['x', 'y'], targetColumnIds: ['a', 'b'] });
    Object.assign(tableAt(doc, 1).columns[2] ?? {}, { dataType: 'UUID' });
    const report = validateDesign(doc);
    expect(summary(report)).toEqual(['error FK_TYPE_MISMATCH foreignKeys[0].sourceColumnIds[1]']);
    expect(report.errors[0]?.message).toBe(
      'The foreign key from "child" to "parent": column "y" (UUID) references "b" (INTEGER). Both columns must have the same data type.',
    );
  });
});

describe('referential actions', () => {
  test.each<[string | null | undefined, string[]]>([
    [undefined, []],
    [null, []],
    ['', []],
    ['cascade', []],
    ['Set Null', []],
    ['SET_NULL', []],
    ['set  default', []],
    ['no_action', []],
    ['restrict', []],
    ['DELETE', ['error FK_INVALID_ACTION foreignKeys[0].onDelete']],
    ['NULL', ['error FK_INVALID_ACTION foreignKeys[0].onDelete']],
  ])('onDelete %j', (onDelete, expected) => {
    expect(issues(parentChild({ sourceColumnId: 'x', targetColumnId: 'c', onDelete }))).toEqual(expected);
  });

  test.each<[Partial<ColumnDocument>, string[]]>([
    [{}, []],
    [{ nullable: true }, []],
    [{ nullable: false }, ['error FK_SET_NULL_ON_NOT_NULL foreignKeys[0].onUpdate']],
    [{ primaryKey: true }, ['error FK_SET_NULL_ON_NOT_NULL foreignKeys[0].onUpdate']],
    [{ autoIncrement: true }, ['error FK_SET_NULL_ON_NOT_NULL foreignKeys[0].onUpdate']],
  ])('SET NULL on a source column %j', (extra, expected) => {
    const doc = parentChild({ sourceColumnId: 'x', targetColumnId: 'c', onUpdate: 'SET NULL' }, [
      column('id', 'BIGINT', { primaryKey: true }),
      column('x', 'INTEGER', extra),
    ]);
    tableAt(doc, 1).indexes = [{ name: 'child_x_idx', columns: ['x'] }];
    expect(issues(doc)).toEqual(expected);
  });

  test('the SET NULL message names the columns and the event', () => {
    const doc = validDocument();
    Object.assign(foreignKeyAt(doc, 0), { name: 'orders_user_fk', onDelete: 'set null' });
    expect(validateDesign(doc).errors[0]?.message).toBe(
      'Foreign key "orders_user_fk" sets column "user_id" to NULL when the referenced row is deleted, but it does not allow NULL. Make it nullable or choose another action.',
    );
  });
});

describe('constraint names', () => {
  test('are unique per source table, compared after trimming', () => {
    const doc = parentChild({ name: 'fk_x', sourceColumnId: 'x', targetColumnId: 'c' });
    doc.foreignKeys?.push(
      {
        id: 'fk2',
        name: 'fk_x ',
        sourceTableId: 'child',
        sourceColumnId: 'y',
        targetTableId: 'parent',
        targetColumnId: 'c',
      },
      {
        id: 'fk3',
        name: 'fk_x',
        sourceTableId: 'parent',
        sourceColumnId: 'd',
        targetTableId: 'parent',
        targetColumnId: 'c',
      },
      {
        id: 'fk4',
        name: 'FK_X',
        sourceTableId: 'child',
        sourceColumnId: 'z',
        targetTableId: 'parent',
        targetColumnId: 'c',
      },
    );
    const report = validateDesign(doc);
    expect(issuesOf(report, 'DUPLICATE_CONSTRAINT_NAME').map((issue) => [issue.path, issue.message])).toEqual(
      [['foreignKeys[1].name', 'Table "child" has two foreign keys named "fk_x".']],
    );
    expect(issuesOf(report, 'NAME_INVALID_CHARACTERS').map((issue) => issue.path)).toEqual([
      'foreignKeys[1].name',
    ]);
  });
});

describe('missing indexes on referencing columns', () => {
  test.each<[string[], string[]]>([
    [['x'], []],
    [['x', 'y'], []],
    [['y', 'x'], []],
    [['y'], ['warning FK_UNINDEXED foreignKeys[0]']],
    [['z'], ['warning FK_UNINDEXED foreignKeys[0]']],
    [['x', 'z'], ['warning FK_UNINDEXED foreignKeys[0]']],
  ])('source %j', (sourceColumnIds, expected) => {
    const targets = { 1: ['c'], 2: ['a', 'b'] }[sourceColumnIds.length] ?? [];
    const doc = parentChild({ sourceColumnIds, targetColumnIds: targets });
    expect(issues(doc).filter((line) => !line.includes('TARGET_NOT_UNIQUE'))).toEqual(expected);
  });

  test('the primary key and unique columns count as indexes', () => {
    const doc = parentChild({ sourceColumnIds: ['p1'], targetColumnIds: ['c'] }, [
      column('p1', 'INTEGER', { primaryKey: true }),
      column('p2', 'INTEGER', { primaryKey: true }),
      column('u', 'INTEGER', { unique: true }),
    ]);
    doc.foreignKeys?.push(
      {
        id: 'fk2',
        sourceTableId: 'child',
        sourceColumnId: 'u',
        targetTableId: 'parent',
        targetColumnId: 'c',
      },
      {
        id: 'fk3',
        sourceTableId: 'child',
        sourceColumnId: 'p2',
        targetTableId: 'parent',
        targetColumnId: 'c',
      },
    );
    expect(issues(doc)).toEqual(['warning FK_UNINDEXED foreignKeys[2]']);
  });

  test('the warning explains the consequence', () => {
    const doc = validDocument();
    tableAt(doc, 1).indexes = [];
    expect(validateDesign(doc).warnings[0]?.message).toBe(
      'The foreign key from "orders" to "users" has no index on column "user_id" of table "orders". PostgreSQL does not create one automatically, so deleting or updating rows of table "users" will scan the whole table. Add an index that starts with this column.',
    );
  });
});

/** Tables t0…t(n-1), each with a nullable indexed `next_id`; `links` are [from, to] foreign keys. */
function graph(n: number, links: Array<[number, number]>): DesignDocument {
  return {
    name: 'graph',
    tables: Array.from({ length: n }, (_, t) => ({
      id: `t${t}`,
      name: `t${t}`,
      columns: [
        column(`t${t}_id`, 'BIGINT', { name: 'id', primaryKey: true }),
        column(`t${t}_next`, 'BIGINT', { name: 'next_id' }),
      ],
      indexes: [{ name: `t${t}_next_idx`, columns: ['next_id'] }],
    })),
    foreignKeys: links.map(([from, to], f) => ({
      id: `fk${f}`,
      sourceTableId: `t${from}`,
      sourceColumnId: `t${from}_next`,
      targetTableId: `t${to}`,
      targetColumnId: `t${to}_id`,
    })),
  };
}

const cycles = (doc: DesignDocument) =>
  issuesOf(validateDesign(doc), 'FK_CIRCULAR').map(
    (issue) => `${issue.path}: ${issue.message.split('.')[0]}`,
  );

describe('cycles', () => {
  test('a → b → a is one warning, naming the tables in order', () => {
    const report = validateDesign(
      graph(2, [
        [0, 1],
        [1, 0],
      ]),
    );
    expect(issuesOf(report, 'FK_CIRCULAR')).toEqual([
      {
        code: 'FK_CIRCULAR',
        severity: 'warning',
        path: 'foreignKeys[0]',
        message:
          'Foreign keys form a cycle: t0 → t1 → t0. Inserting rows needs one of these columns to be nullable or filled later.',
      },
    ]);
  });

  test.each<[string, number, Array<[number, number]>, string[]]>([
    ['self-reference', 1, [[0, 0]], []],
    [
      'chain',
      3,
      [
        [0, 1],
        [1, 2],
      ],
      [],
    ],
    [
      'diamond',
      4,
      [
        [0, 1],
        [0, 2],
        [1, 3],
        [2, 3],
      ],
      [],
    ],
    [
      'triangle',
      3,
      [
        [1, 2],
        [2, 0],
        [0, 1],
      ],
      ['foreignKeys[2]: Foreign keys form a cycle: t0 → t1 → t2 → t0'],
    ],
    [
      'two separate cycles',
      4,
      [
        [0, 1],
        [1, 0],
        [2, 3],
        [3, 2],
      ],
      [
        'foreignKeys[0]: Foreign keys form a cycle: t0 → t1 → t0',
        'foreignKeys[2]: Foreign keys form a cycle: t2 → t3 → t2',
      ],
    ],
    [
      'cycle plus self-reference',
      2,
      [
        [0, 0],
        [0, 1],
        [1, 0],
      ],
      ['foreignKeys[1]: Foreign keys form a cycle: t0 → t1 → t0'],
    ],
  ])('%s', (_, n, links, expected) => {
    expect(cycles(graph(n, links))).toEqual(expected);
  });

  test('loops sharing tables are one warning that counts the other tables', () => {
    const report = validateDesign(
      graph(3, [
        [0, 1],
        [1, 0],
        [1, 2],
        [2, 1],
      ]),
    );
    expect(issuesOf(report, 'FK_CIRCULAR').map((issue) => issue.message)).toEqual([
      'Foreign keys form a cycle: t0 → t1 → t0. Inserting rows needs one of these columns to be nullable or filled later. 1 more table is caught in loops with these tables.',
    ]);
  });

  test('a ring of 1,000 tables is found without deep recursion', () => {
    const n = 1000;
    const doc = graph(
      n,
      Array.from({ length: n }, (_, t): [number, number] => [t, (t + 1) % n]),
    );
    const found = cycles(doc);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^foreignKeys\[0\]: Foreign keys form a cycle: t0 → t1 → t2 → .* → t999 → t0$/);
  });
});

describe('a design with every kind of problem', () => {
  test('each foreign key problem is reported once, for its own key', () => {
    const doc = validDocument();
    doc.foreignKeys?.push(
      { id: 'bad1', sourceTableId: 'nope', targetTableId: 't_users', targetColumnId: 'c_users_id' },
      {
        id: 'bad2',
        sourceTableId: 't_orders',
        sourceColumnId: 'c_orders_id',
        targetTableId: 't_users',
        targetColumnId: 'c_users_email',
      },
    );
    expect(issues(doc)).toEqual([
      'error FK_UNKNOWN_TABLE foreignKeys[1].sourceTableId',
      'error FK_TYPE_MISMATCH foreignKeys[2].sourceColumnId',
    ]);
  });
});
