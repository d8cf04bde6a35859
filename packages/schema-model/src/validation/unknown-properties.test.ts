import { describe, expect, test } from 'vitest';
import type { ColumnDocument, DesignDocument } from '../design/document.ts';
import { DesignDocumentSchema } from '../design/document.ts';
import { parseDesign, parseStoredDesign } from './parse.ts';
import { columnAt, foreignKeyAt, tableAt, validDocument } from './valid-document.test-support.ts';

type Doc = ReturnType<typeof validDocument>;

/** Adds `extra` to the object `at` picks out of a valid document. */
const withExtra =
  (at: (doc: Doc) => object, extra: Record<string, unknown>) =>
  (doc: Doc): void => {
    Object.assign(at(doc), extra);
  };

/** [object kind, change, path of the unknown key, message]: one of each object of a design. */
const CASES: Array<[string, (doc: Doc) => void, string, string]> = [
  [
    'document',
    withExtra((doc) => doc, { tabels: [] }),
    'tabels',
    'Designs have no property "tabels"; did you mean "tables"?',
  ],
  [
    'table',
    withExtra((doc) => tableAt(doc, 1), { Comments: 'x' }),
    'tables[1].Comments',
    'Tables have no property "Comments"; did you mean "comment"?',
  ],
  [
    'column',
    withExtra((doc) => columnAt(doc, 0, 1), { primarykey: true }),
    'tables[0].columns[1].primarykey',
    'Columns have no property "primarykey"; did you mean "primaryKey"?',
  ],
  [
    'index',
    withExtra((doc) => tableAt(doc, 1).indexes?.[0] ?? {}, { uniqe: true }),
    'tables[1].indexes[0].uniqe',
    'Indexes have no property "uniqe"; did you mean "unique"?',
  ],
  [
    'position',
    withExtra((doc) => Object.assign(tableAt(doc, 0), { position: { x: 1, y: 2 } }).position ?? {}, {
      width: 3,
    }),
    'tables[0].position.width',
    'Positions have no property "width".',
  ],
  [
    'foreign key',
    withExtra((doc) => foreignKeyAt(doc, 0), { onDelte: 'CASCADE' }),
    'foreignKeys[0].onDelte',
    'Foreign keys have no property "onDelte"; did you mean "onDelete"?',
  ],
  [
    'enum',
    withExtra((doc) => doc.enums?.[0] ?? {}, { colour: 'red' }),
    'enums[0].colour',
    'Enums have no property "colour". Keep data of your own under "ui".',
  ],
];

describe('unknown properties', () => {
  test.each(CASES)('an unknown property of a %s is refused where it is', (_, change, path, message) => {
    const input = validDocument();
    change(input);
    const result = parseDesign(input);
    expect(result.ok).toBe(false);
    expect(result.report.errors).toEqual([{ code: 'UNKNOWN_PROPERTY', severity: 'error', path, message }]);
  });

  test('every unknown key of an object is reported at its own path, in order', () => {
    const input = validDocument();
    Object.assign(columnAt(input, 0, 1), { primarykey: true, nulable: false });
    expect(parseDesign(input).report.errors.map(({ path, message }) => [path, message])).toEqual([
      [
        'tables[0].columns[1].primarykey',
        'Columns have no property "primarykey"; did you mean "primaryKey"?',
      ],
      ['tables[0].columns[1].nulable', 'Columns have no property "nulable"; did you mean "nullable"?'],
    ]);
  });

  test('unknown properties are reported beside the other shape problems', () => {
    const input = validDocument();
    Object.assign(columnAt(input, 0, 0), { nullable: 'no', lenght: 10 });
    expect(parseDesign(input).report.errors.map(({ code, path }) => [code, path])).toEqual([
      ['INVALID_TYPE', 'tables[0].columns[0].nullable'],
      ['UNKNOWN_PROPERTY', 'tables[0].columns[0].lenght'],
    ]);
  });
});

test("the PRD's format, id and timestamps included, has no unknown property", () => {
  // The PRD's sample, its placeholders filled in.
  const prd = {
    id: 'schema_uuid',
    name: 'my_database_schema',
    description: 'Description of the schema',
    tables: [
      {
        id: 'table_uuid',
        name: 'table_name',
        columns: [
          {
            id: 'column_uuid',
            name: 'column_name',
            dataType: 'VARCHAR',
            length: 255,
            nullable: false,
            primaryKey: true,
            autoIncrement: false,
            defaultValue: 'any',
            unique: false,
          },
        ],
        position: { x: 100, y: 200 },
        indexes: [{ name: 'index_name', columns: ['column_name'], unique: true }],
      },
    ],
    foreignKeys: [],
    version: '1.0',
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-01T00:00:00Z',
  };
  const result = parseDesign(prd);
  expect(result.report.errors).toEqual([]);
  expect(result.ok).toBe(true);
});

describe('the ui bag', () => {
  const decorated = (): DesignDocument => {
    const doc = validDocument();
    doc.ui = { zoom: 1.5, groups: [{ name: 'Sales', tableIds: ['t_orders'] }] };
    tableAt(doc, 0).ui = { color: '#ff8800', note: 'Who buys', collapsed: false };
    columnAt(doc, 0, 1).ui = { hidden: true };
    const index = tableAt(doc, 1).indexes?.[0];
    if (index) index.ui = { note: 'for the user page' };
    foreignKeyAt(doc, 0).ui = { waypoints: [{ x: 10, y: 20 }] };
    const entry = doc.enums?.[0];
    if (entry) entry.ui = { color: 'teal' };
    return doc;
  };

  test('is accepted on the document and every object, and kept verbatim', () => {
    const input = decorated();
    const result = parseDesign(input);
    if (!result.ok) throw new Error(JSON.stringify(result.report));
    expect(result.document).toEqual(input);
    expect(JSON.parse(JSON.stringify(result.document))).toEqual(JSON.parse(JSON.stringify(input)));
  });

  test('takes anything inside, nested as deep as the client likes', () => {
    const input = validDocument();
    columnAt(input, 0, 0).ui = {
      anything: { goes: [1, 'two', null, { three: true }] },
      primarykey: 'not checked',
    };
    expect(parseDesign(input).ok).toBe(true);
  });

  test('must be an object', () => {
    const input = validDocument();
    Object.assign(tableAt(input, 0), { ui: 'red' });
    expect(parseDesign(input).report.errors.map(({ code, path }) => [code, path])).toEqual([
      ['INVALID_TYPE', 'tables[0].ui'],
    ]);
  });

  test('does not change the design', () => {
    const plain = parseDesign(validDocument());
    const decoratedResult = parseDesign(decorated());
    expect(plain.ok && decoratedResult.ok).toBe(true);
    if (plain.ok && decoratedResult.ok) expect(decoratedResult.design).toEqual(plain.design);
  });
});

describe('parseStoredDesign', () => {
  /** A version saved while objects were loose: a canvas colour and a typo. */
  const legacy = () => {
    const doc: Record<string, unknown> = { ...validDocument(), canvas: { zoom: 2 } };
    Object.assign(columnAt(doc as DesignDocument, 0, 1), { primarykey: true, color: 'red' });
    return doc;
  };

  test('reads a version saved with properties now refused, without them', () => {
    const stored = legacy();
    const result = parseStoredDesign(stored);
    if (!result.ok) throw new Error(JSON.stringify(result.report));
    expect(result.document).not.toHaveProperty('canvas');
    expect(columnAt(result.document, 0, 1)).not.toHaveProperty('primarykey');
    const clean = parseDesign(validDocument());
    expect(clean.ok && result.design).toEqual(clean.ok && clean.design);
  });

  test('leaves the stored value as it was', () => {
    const stored = legacy();
    const before = structuredClone(stored);
    parseStoredDesign(stored);
    expect(stored).toEqual(before);
  });

  test('still refuses what is wrong besides the unknown properties', () => {
    const stored = legacy();
    columnAt(stored as DesignDocument, 0, 1).dataType = 'GEOMETRY';
    const result = parseStoredDesign(stored);
    expect(result.ok).toBe(false);
    expect(result.report.errors.map((issue) => issue.code)).toEqual(['UNSUPPORTED_DATA_TYPE']);
  });

  test('is parseDesign for a current document', () => {
    expect(parseStoredDesign(validDocument())).toEqual(parseDesign(validDocument()));
  });
});

describe('the document types are exact', () => {
  test('an object literal with a typo does not compile', () => {
    const column: ColumnDocument = {
      id: 'c',
      name: 'id',
      dataType: 'BIGINT',
      // @ts-expect-error: a typo of primaryKey is not a property of a column
      primarykey: true,
    };
    const input: DesignDocument = {
      name: 'typed',
      tables: [{ id: 't', name: 't', columns: [column] }],
      // @ts-expect-error: so is anything outside the ui bag
      canvas: { zoom: 1 },
    };
    expect(DesignDocumentSchema.safeParse(input).success).toBe(false);
  });
});
