import { describe, expect, test } from 'vitest';
import { twoSchemaDesign } from '../ddl/schema-design.test-support.ts';
import { parseDesign } from './parse.ts';
import { summary } from './valid-document.test-support.ts';
import { validateDesign } from './validate.ts';

const errors = (doc: ReturnType<typeof twoSchemaDesign>) =>
  summary(validateDesign(doc)).filter((line) => line.startsWith('error'));

describe('schemas', () => {
  test('a design over several schemas, with the same table name in two and a foreign key across them, is valid', () => {
    const doc = twoSchemaDesign();
    expect(parseDesign(doc).ok).toBe(true);
    expect(errors(doc)).toEqual([]);
  });

  test('table, enum and index names are unique per schema', () => {
    const doc = twoSchemaDesign();
    doc.tables.push({
      id: 't8',
      name: 'orders',
      schemaId: 's1',
      columns: [{ id: 'c8', name: 'id', dataType: 'INT' }],
    });
    doc.enums?.push({ id: 'e2', name: 'status', schemaId: 's1', values: ['x'] });
    doc.enums?.push({ id: 'e3', name: 'status', values: ['x'] });
    doc.tables.push({
      id: 't9',
      name: 'more',
      schemaId: 's2',
      columns: [{ id: 'c9', name: 'email', dataType: 'TEXT' }],
      indexes: [{ name: 'people_email_idx', columns: ['email'] }],
    });
    expect(errors(doc)).toEqual([
      'error DUPLICATE_TABLE_NAME tables[3].name',
      'error DUPLICATE_ENUM_NAME enums[1].name',
      'error DUPLICATE_INDEX_NAME tables[4].indexes[0].name',
    ]);
  });

  test('an enum may not share its name with a table of its own schema only', () => {
    const doc = twoSchemaDesign();
    doc.enums?.push({ id: 'e2', name: 'people', values: ['x'] });
    doc.enums?.push({ id: 'e3', name: 'orders', schemaId: 's1', values: ['x'] });
    expect(errors(doc)).toEqual(['error NAME_CONFLICT enums[2].name']);
  });

  test.each([
    ['pg_stuff', 'error NAME_RESERVED schemas[1].name'],
    ['information_schema', 'error NAME_RESERVED schemas[1].name'],
    ['public', 'error NAME_RESERVED schemas[1].name'],
    ['sales', 'error DUPLICATE_SCHEMA_NAME schemas[1].name'],
    ['', 'error NAME_EMPTY schemas[1].name'],
    ['x'.repeat(64), 'error NAME_TOO_LONG schemas[1].name'],
  ])('schema name %j is refused', (name, expected) => {
    const doc = twoSchemaDesign();
    const second = doc.schemas?.[1];
    if (second) second.name = name;
    expect(errors(doc)).toEqual([expected]);
  });

  test('a schemaId must name a schema of the design, and schema ids are unique', () => {
    const doc = twoSchemaDesign();
    const [people] = doc.tables;
    if (people) people.schemaId = 'nope';
    const [status] = doc.enums ?? [];
    if (status) status.schemaId = 'nope';
    doc.schemas?.push({ id: 's1', name: 'other' });
    expect(errors(doc)).toEqual([
      'error DUPLICATE_ID schemas[2].id',
      'error UNKNOWN_SCHEMA tables[0].schemaId',
      'error UNKNOWN_SCHEMA enums[0].schemaId',
    ]);
  });

  test('an unknown property of a schema entry is refused', () => {
    const doc = { ...twoSchemaDesign(), schemas: [{ id: 's1', name: 'sales', owner: 'x' }] };
    const result = parseDesign(doc);
    expect(result.ok).toBe(false);
    expect(summary(result.report)).toEqual(['error UNKNOWN_PROPERTY schemas[0].owner']);
  });
});
