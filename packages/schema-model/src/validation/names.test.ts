import { describe, expect, test } from 'vitest';
import { byteLength } from '../sql/quote.ts';
import {
  columnAt,
  foreignKeyAt,
  issuesOf,
  summary,
  tableAt,
  validDocument,
} from './valid-document.test-support.ts';
import { validateDesign } from './validate.ts';

const e63 = `${'é'.repeat(31)}a`;
const e64 = 'é'.repeat(32);
const emoji63 = `${'😀'.repeat(15)}abc`;
const emoji64 = '😀'.repeat(16);

/** [name, the issues a table with that name gets]. */
const TABLE_NAMES: Array<[string, string[]]> = [
  ['orders', []],
  ['order_items_2', []],
  ['a$b', []],
  ['_private', []],
  ['select', []],
  ['user', []],
  ['a'.repeat(63), []],
  ['a'.repeat(64), ['error NAME_TOO_LONG']],
  [e63, ['warning NAME_NEEDS_QUOTING']],
  [e64, ['error NAME_TOO_LONG', 'warning NAME_NEEDS_QUOTING']],
  [emoji63, ['warning NAME_NEEDS_QUOTING']],
  [emoji64, ['error NAME_TOO_LONG', 'warning NAME_NEEDS_QUOTING']],
  ['Orders', ['warning NAME_NEEDS_QUOTING']],
  ['order items', ['warning NAME_NEEDS_QUOTING']],
  ['1st_table', ['warning NAME_NEEDS_QUOTING']],
  ['$table', ['warning NAME_NEEDS_QUOTING']],
  ['café', ['warning NAME_NEEDS_QUOTING']],
  ['order-items', ['warning NAME_NEEDS_QUOTING']],
  ['a"b', ['warning NAME_NEEDS_QUOTING']],
  ['', ['error NAME_EMPTY']],
  ['   ', ['error NAME_EMPTY']],
  [' orders', ['error NAME_INVALID_CHARACTERS']],
  ['orders\t', ['error NAME_INVALID_CHARACTERS']],
  ['ord\u0000ers', ['error NAME_INVALID_CHARACTERS']],
  ['ord\u0007ers', ['error NAME_INVALID_CHARACTERS']],
  ['ord\u007fers', ['error NAME_INVALID_CHARACTERS']],
  ['ord\u0085ers', ['error NAME_INVALID_CHARACTERS']],
  [` ${'a'.repeat(70)}`, ['error NAME_TOO_LONG', 'error NAME_INVALID_CHARACTERS']],
  ['half\ud83dsurrogate', ['error NAME_INVALID_CHARACTERS']],
];

describe('table and column names', () => {
  test('the multi-byte boundary names really are 63 and 64 bytes', () => {
    expect([e63, e64, emoji63, emoji64].map(byteLength)).toEqual([63, 64, 63, 64]);
  });

  test.each(TABLE_NAMES)('table %j', (name, expected) => {
    const doc = validDocument();
    tableAt(doc, 1).name = name;
    const report = validateDesign(doc);
    expect(summary(report).filter((line) => line.endsWith(' tables[1].name'))).toEqual(
      expected.map((issue) => `${issue} tables[1].name`),
    );
  });

  test.each(TABLE_NAMES)('column %j', (name, expected) => {
    const doc = validDocument();
    columnAt(doc, 1, 2).name = name;
    const report = validateDesign(doc);
    expect(summary(report).filter((line) => line.endsWith(' tables[1].columns[2].name'))).toEqual(
      expected.map((issue) => `${issue} tables[1].columns[2].name`),
    );
  });
});

describe('names PostgreSQL keeps for itself', () => {
  test.each([
    ['table', 'pg_class', ['error NAME_RESERVED']],
    ['table', 'pg_my_things', ['error NAME_RESERVED']],
    ['table', 'text', []],
    ['table', 'xmin', []],
    ['column', 'xmin', ['error NAME_RESERVED']],
    ['column', 'ctid', ['error NAME_RESERVED']],
    ['column', 'pg_class', []],
    ['column', 'text', []],
    ['enum', 'text', ['error NAME_RESERVED']],
    ['enum', 'int4', ['error NAME_RESERVED']],
    ['enum', 'pg_status', ['error NAME_RESERVED']],
    ['enum', 'integer', []],
    ['enum', 'status', []],
  ])('a %s named %j', (kind, name, expected) => {
    const doc = validDocument();
    const path =
      kind === 'table' ? 'tables[1].name' : kind === 'column' ? 'tables[1].columns[2].name' : 'enums[0].name';
    if (kind === 'table') tableAt(doc, 1).name = name;
    else if (kind === 'column') columnAt(doc, 1, 2).name = name;
    else {
      const [first] = doc.enums ?? [];
      if (!first) throw new Error('the valid document has an enum');
      first.name = name;
    }
    expect(summary(validateDesign(doc)).filter((line) => line.endsWith(` ${path}`))).toEqual(
      expected.map((issue) => `${issue} ${path}`),
    );
  });
});

describe('messages', () => {
  test('a long name states the byte count and PostgreSQL limit, and explains multi-byte characters', () => {
    const doc = validDocument();
    tableAt(doc, 1).name = e64;
    expect(issuesOf(validateDesign(doc), 'NAME_TOO_LONG')[0]?.message).toBe(
      `Table name "${e64}" is 64 bytes long, but PostgreSQL's limit is 63 bytes. Accented letters and other non-English characters take 2 to 4 bytes each.`,
    );
  });

  test('invisible characters are shown escaped', () => {
    const doc = validDocument();
    columnAt(doc, 1, 2).name = 'sta\u0000tus';
    expect(issuesOf(validateDesign(doc), 'NAME_INVALID_CHARACTERS')[0]?.message).toBe(
      'Column name "sta\\u0000tus" in table "orders" contains a NUL character. Remove it.',
    );
  });

  test('the quoting warning shows how to write the name in SQL', () => {
    const doc = validDocument();
    tableAt(doc, 1).name = 'Order "Items"';
    expect(issuesOf(validateDesign(doc), 'NAME_NEEDS_QUOTING')[0]?.message).toBe(
      'Table name "Order \\"Items\\"" has capital letters, so it must be written in double quotes in SQL: "Order ""Items""".',
    );
  });

  test('a column without a name is named by its position', () => {
    const doc = validDocument();
    columnAt(doc, 1, 2).name = '';
    expect(issuesOf(validateDesign(doc), 'NAME_EMPTY')[0]?.message).toBe(
      'Column 3 in table "orders" has no name.',
    );
  });
});

describe('enum, index and foreign key names', () => {
  const setters = {
    'enums[0].name': (doc, name) => Object.assign(doc.enums?.[0] ?? {}, { name }),
    'tables[1].indexes[0].name': (doc, name) => Object.assign(tableAt(doc, 1).indexes?.[0] ?? {}, { name }),
    'foreignKeys[0].name': (doc, name) => Object.assign(foreignKeyAt(doc, 0), { name }),
  } satisfies Record<string, (doc: ReturnType<typeof validDocument>, name: string) => void>;
  const paths = Object.keys(setters) as Array<keyof typeof setters>;

  test.each(paths)('%s follows the same rules, without the quoting warning', (path) => {
    for (const [name, code] of [
      [e64, 'NAME_TOO_LONG'],
      ['x\u0001', 'NAME_INVALID_CHARACTERS'],
      ['Mixed Case', undefined],
      [e63, undefined],
    ] as const) {
      const doc = validDocument();
      setters[path](doc, name);
      expect(summary(validateDesign(doc))).toEqual(code ? [`error ${code} ${path}`] : []);
    }
  });

  test('an empty enum or index name is an error; an empty foreign key name means "derive one"', () => {
    for (const path of paths) {
      const doc = validDocument();
      setters[path](doc, ' ');
      expect(summary(validateDesign(doc))).toEqual(
        path.startsWith('foreignKeys') ? [] : [`error NAME_EMPTY ${path}`],
      );
    }
  });
});
