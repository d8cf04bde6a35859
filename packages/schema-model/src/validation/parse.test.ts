import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { DesignDocumentSchema } from '../design/document.ts';
import { parseDesign } from './parse.ts';
import { columnAt, tableAt, validDocument } from './valid-document.test-support.ts';
import { issuesFromZod } from './zod-issues.ts';

type Mutation = (doc: Record<string, unknown> & ReturnType<typeof validDocument>) => void;

/** [change to a valid document, code, path, message]: the document-shape problems. */
const SHAPE_CASES: Array<[string, Mutation, string, string, string]> = [
  ['missing name', (doc) => Reflect.deleteProperty(doc, 'name'), 'REQUIRED', 'name', '"name" is required.'],
  [
    'missing column id',
    (doc) => Reflect.deleteProperty(columnAt(doc, 0, 1), 'id'),
    'REQUIRED',
    'tables[0].columns[1].id',
    '"id" is required.',
  ],
  [
    'fractional length',
    (doc) => Object.assign(columnAt(doc, 0, 1), { length: 1.5 }),
    'INVALID_TYPE',
    'tables[0].columns[1].length',
    '"length" must be a whole number.',
  ],
  [
    'tables not a list',
    (doc) => Object.assign(doc, { tables: 'x' }),
    'INVALID_TYPE',
    'tables',
    '"tables" must be a list.',
  ],
  [
    'name not text',
    (doc) => Object.assign(tableAt(doc, 1), { name: 42 }),
    'INVALID_TYPE',
    'tables[1].name',
    '"name" must be text.',
  ],
  [
    'nullable not a boolean',
    (doc) => Object.assign(columnAt(doc, 0, 1), { nullable: 'yes' }),
    'INVALID_TYPE',
    'tables[0].columns[1].nullable',
    '"nullable" must be true or false.',
  ],
  [
    'null foreign key entry',
    (doc) => Object.assign(doc, { foreignKeys: [null] }),
    'INVALID_TYPE',
    'foreignKeys[0]',
    'Entry 1 of "foreignKeys" must be an object.',
  ],
  [
    'default of no JSON type',
    (doc) => Object.assign(columnAt(doc, 0, 1), { defaultValue: new Date(0) }),
    'INVALID_TYPE',
    'tables[0].columns[1].defaultValue',
    '"defaultValue" must be text, a number, true or false, a list or an object.',
  ],
  [
    'too long default text',
    (doc) => Object.assign(columnAt(doc, 0, 1), { defaultValue: 'x'.repeat(10_001) }),
    'TOO_LONG',
    'tables[0].columns[1].defaultValue',
    '"defaultValue" can be at most 10000 characters long.',
  ],
  [
    'too long name',
    (doc) => Object.assign(doc, { name: 'x'.repeat(201) }),
    'TOO_LONG',
    'name',
    '"name" can be at most 200 characters long.',
  ],
  [
    'blank design name',
    (doc) => Object.assign(doc, { name: ' ' }),
    'INVALID_VALUE',
    'name',
    '"name" must not be empty.',
  ],
  [
    'too many tables',
    (doc) => Object.assign(doc, { tables: Array.from({ length: 5001 }, () => tableAt(doc, 0)) }),
    'TOO_MANY',
    'tables',
    '"tables" can hold at most 5000 entries.',
  ],
  [
    'blank table id',
    (doc) => Object.assign(tableAt(doc, 0), { id: '   ' }),
    'INVALID_VALUE',
    'tables[0].id',
    '"id" must not be empty.',
  ],
];

describe('parseDesign', () => {
  test('a valid document gives the document, its normalized design and the report', () => {
    const input = validDocument();
    Object.assign(columnAt(input, 0, 1), { dataType: 'character varying' });
    tableAt(input, 0).name = 'Users';
    const result = parseDesign(input);
    if (!result.ok) throw new Error(JSON.stringify(result.report));
    expect(result.document).toEqual(input);
    expect(result.design.tables[0]?.columns[1]?.type).toEqual({ dataType: 'VARCHAR', length: 255 });
    expect(result.report.valid).toBe(true);
    expect(result.report.warnings.map((issue) => issue.code)).toEqual(['NAME_NEEDS_QUOTING']);
  });

  test('refuses fields the canvas adds for itself outside the ui bag', () => {
    const input = { ...validDocument(), canvas: { zoom: 2 } };
    const result = parseDesign(input);
    expect(result.ok).toBe(false);
    expect(result.report.errors.map((issue) => [issue.code, issue.path])).toEqual([
      ['UNKNOWN_PROPERTY', 'canvas'],
    ]);
  });

  test('a document that breaks the design rules gives no design', () => {
    const input = validDocument();
    columnAt(input, 0, 1).dataType = 'GEOMETRY';
    const result = parseDesign(input);
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty('design');
    expect(result.report.errors.map((issue) => issue.code)).toEqual(['UNSUPPORTED_DATA_TYPE']);
  });

  test.each(SHAPE_CASES)('%s', (_, mutate, code, path, message) => {
    const input = validDocument();
    mutate(input);
    const result = parseDesign(input);
    expect(result.ok).toBe(false);
    expect(result.report.valid).toBe(false);
    expect(result.report.errors).toEqual([{ code, severity: 'error', path, message }]);
  });

  test('a wrong shape is reported alone: the design rules need the right shape', () => {
    const input = validDocument();
    Object.assign(columnAt(input, 0, 1), { dataType: 'GEOMETRY', nullable: 'no' });
    expect(parseDesign(input).report.errors.map((issue) => issue.code)).toEqual(['INVALID_TYPE']);
  });

  test.each([null, 'text', 42, []])('input %j is not an object', (input) => {
    expect(parseDesign(input).report.errors).toEqual([
      { code: 'INVALID_TYPE', severity: 'error', path: '', message: 'The input must be an object.' },
    ]);
  });
});

describe('issuesFromZod', () => {
  test('maps a missing field to REQUIRED even when zod did not keep the input', () => {
    const result = DesignDocumentSchema.safeParse({ tables: [] });
    if (result.success) throw new Error('expected a failure');
    expect(issuesFromZod(result.error)).toEqual([
      { code: 'REQUIRED', severity: 'error', path: 'name', message: '"name" is required.' },
    ]);
  });

  test('prefixes paths', () => {
    const result = z
      .object({ document: DesignDocumentSchema })
      .safeParse({ document: { name: 'x', tables: [{}] } });
    if (result.success) throw new Error('expected a failure');
    expect(issuesFromZod(result.error, ['body']).map((issue) => issue.path)).toEqual([
      'body.document.tables[0].id',
      'body.document.tables[0].name',
      'body.document.tables[0].columns',
    ]);
  });

  test.each<[string, z.ZodType, unknown, string, string]>([
    [
      'enum',
      z.object({ dialect: z.enum(['postgresql', 'mysql']) }),
      { dialect: 'x' },
      'INVALID_VALUE',
      '"dialect" must be one of: "postgresql", "mysql".',
    ],
    [
      'literal',
      z.object({ kind: z.literal('design') }),
      { kind: 'x' },
      'INVALID_VALUE',
      '"kind" must be "design".',
    ],
    [
      'strict object',
      z.strictObject({ a: z.string() }),
      { a: 'x', b: 1 },
      'UNKNOWN_PROPERTY',
      '"b" is not a known property.',
    ],
    [
      'number maximum',
      z.object({ page: z.number().max(10) }),
      { page: 11 },
      'INVALID_VALUE',
      '"page" must be at most 10.',
    ],
    [
      'number minimum',
      z.object({ page: z.number().int().positive() }),
      { page: 0 },
      'INVALID_VALUE',
      '"page" must be greater than 0.',
    ],
    [
      'array minimum',
      z.object({ ids: z.array(z.string()).min(2) }),
      { ids: ['a'] },
      'INVALID_VALUE',
      '"ids" must hold at least 2 entries.',
    ],
    [
      'string minimum',
      z.object({ q: z.string().min(3) }),
      { q: 'ab' },
      'INVALID_VALUE',
      '"q" must be at least 3 characters long.',
    ],
    [
      'format',
      z.object({ id: z.uuid() }),
      { id: 'x' },
      'INVALID_VALUE',
      '"id" is not in the expected format (uuid).',
    ],
    [
      'refinement',
      z.object({ v: z.number().refine((n) => n % 2 === 0, 'must be even') }),
      { v: 3 },
      'INVALID_VALUE',
      '"v" must be even.',
    ],
    [
      'refinement with a sentence',
      z.object({ v: z.number() }).refine(() => false, 'Pick another value'),
      { v: 3 },
      'INVALID_VALUE',
      'Pick another value.',
    ],
  ])('%s', (_, schema, input, code, message) => {
    const result = schema.safeParse(input);
    if (result.success) throw new Error('expected a failure');
    expect(issuesFromZod(result.error).map((issue) => [issue.code, issue.message])).toEqual([
      [code, message],
    ]);
  });
});
