import { blogDesign } from '@schema-builder/testing/fixtures';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Harness } from '../../test/harness.test-support.ts';
import { startHarness } from '../../test/harness.test-support.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

interface Detail {
  path: string;
  code: string;
  message: string;
}

/** The blog fixture with `extra` merged into its first table's second column. */
function withColumnExtra(name: string, extra: Record<string, unknown>) {
  const [users, ...rest] = blogDesign.tables;
  const [first, second, ...others] = users?.columns ?? [];
  if (!users || !first || !second) throw new Error('fixture has a users table with two columns');
  return {
    ...blogDesign,
    name,
    tables: [{ ...users, columns: [first, { ...second, ...extra }, ...others] }, ...rest],
  };
}

async function create(document: Record<string, unknown>) {
  const response = await h.request('POST', '/api/v1/schemas', document);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const countNamed = async (name: string) =>
  (await h.services.sql`SELECT count(*)::int AS n FROM schemas WHERE name = ${name}`)[0]?.n;

describe('unknown properties in a design', () => {
  test('POST /schemas refuses typos with 422, each located, with the closest property, and stores nothing', async () => {
    const response = await h.request(
      'POST',
      '/api/v1/schemas',
      withColumnExtra('typos', { primarykey: true, nulable: false }),
    );
    expect(response.statusCode).toBe(422);
    const { error } = response.json();
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.details).toEqual([
      {
        path: 'tables[0].columns[1].primarykey',
        code: 'UNKNOWN_PROPERTY',
        message: 'Columns have no property "primarykey"; did you mean "primaryKey"?',
      },
      {
        path: 'tables[0].columns[1].nulable',
        code: 'UNKNOWN_PROPERTY',
        message: 'Columns have no property "nulable"; did you mean "nullable"?',
      },
    ]);
    expect(await countNamed('typos')).toBe(0);
  });

  test('POST /schemas refuses server-owned fields that are not part of the PRD format', async () => {
    const response = await h.request('POST', '/api/v1/schemas', {
      ...blogDesign,
      name: 'owned',
      id: 'mine',
      status: 'ready',
      tableCount: 9,
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details.map((detail: Detail) => [detail.code, detail.path])).toEqual([
      ['UNKNOWN_PROPERTY', 'status'],
      ['UNKNOWN_PROPERTY', 'tableCount'],
    ]);
    expect(await countNamed('owned')).toBe(0);
  });

  test('PUT /schemas/{id} refuses an unknown property of a foreign key and keeps the version', async () => {
    const created = await create({ ...blogDesign, name: 'fk-typo' });
    const [fk, ...rest] = blogDesign.foreignKeys ?? [];
    if (!fk) throw new Error('fixture has a foreign key');
    const response = await h.request('PUT', `/api/v1/schemas/${created.id}`, {
      ...blogDesign,
      name: 'fk-typo',
      description: 'not saved',
      foreignKeys: [{ ...fk, ondelete: 'CASCADE' }, ...rest],
      expectedVersion: 1,
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details).toEqual([
      {
        path: 'foreignKeys[0].ondelete',
        code: 'UNKNOWN_PROPERTY',
        message: 'Foreign keys have no property "ondelete"; did you mean "onDelete"?',
      },
    ]);
    expect((await h.request('GET', `/api/v1/schemas/${created.id}`)).json()).toMatchObject({
      version: 1,
      description: blogDesign.description ?? '',
    });
  });

  test('POST /schemas/validate answers 422 for an unknown property of a table', async () => {
    const [users, ...rest] = blogDesign.tables;
    const response = await h.request('POST', '/api/v1/schemas/validate', {
      ...blogDesign,
      tables: [{ ...users, colour: 'red' }, ...rest],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details).toEqual([
      {
        path: 'tables[0].colour',
        code: 'UNKNOWN_PROPERTY',
        message: 'Tables have no property "colour". Keep data of your own under "ui".',
      },
    ]);
  });
});

test('POST /schemas/import refuses a misspelt field instead of ignoring it', async () => {
  const response = await h.request('POST', '/api/v1/schemas/import', {
    connectionId: '00000000-0000-4000-8000-000000000000',
    schemaID: '00000000-0000-4000-8000-000000000001',
  });
  expect(response.statusCode).toBe(422);
  expect(response.json().error.details).toEqual([
    {
      path: 'schemaID',
      code: 'UNKNOWN_PROPERTY',
      message: 'Import requests have no property "schemaID"; did you mean "schemaId"?',
    },
  ]);
});

describe('the ui bag', () => {
  test('is stored and returned verbatim on the document, a table and a column', async () => {
    const [users, ...rest] = blogDesign.tables;
    const [first, ...columns] = users?.columns ?? [];
    if (!users || !first) throw new Error('fixture has a users table');
    const document = {
      ...blogDesign,
      name: 'with-ui',
      ui: { zoom: 1.25, groups: [{ name: 'People', tableIds: [users.id] }] },
      tables: [
        {
          ...users,
          ui: { color: '#ff8800', note: 'Who writes' },
          columns: [{ ...first, ui: { hidden: false } }, ...columns],
        },
        ...rest,
      ],
    };
    const created = await create(document);
    const { name: _name, ...expected } = document;
    expect(created.definition).toMatchObject(expected);
    const version = (await h.request('GET', `/api/v1/schemas/${created.id}/versions/1`)).json();
    expect(version.definition).toEqual(created.definition);
    expect(version.definition.tables[0].ui).toEqual({ color: '#ff8800', note: 'Who writes' });
  });
});

describe('versions stored before input was strict', () => {
  test('stay readable: the document, its versions, the diff and the DDL', async () => {
    const created = await create({ ...blogDesign, name: 'legacy' });
    const changed = await h.request('PUT', `/api/v1/schemas/${created.id}`, {
      ...blogDesign,
      name: 'legacy',
      description: 'second',
      expectedVersion: 1,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    // What a loose document of old looks like: a canvas setting at the top, a colour on a table.
    const { sql } = h.services;
    await sql`UPDATE schemas SET definition = jsonb_set(definition || '{"canvas": {"zoom": 2}}', '{tables,0,colour}', '"red"') WHERE id = ${created.id}`;
    await sql`UPDATE schema_versions SET definition = jsonb_set(definition || '{"canvas": {"zoom": 2}}', '{tables,0,colour}', '"red"') WHERE schema_id = ${created.id}`;

    const current = await h.request('GET', `/api/v1/schemas/${created.id}`);
    expect(current.statusCode).toBe(200);
    expect(current.json().definition).toMatchObject({ canvas: { zoom: 2 } });
    const version = await h.request('GET', `/api/v1/schemas/${created.id}/versions/1`);
    expect(version.statusCode, version.body).toBe(200);
    expect(version.json().definition.tables[0].colour).toBe('red');
    const diff = await h.request('GET', `/api/v1/schemas/${created.id}/diff?from=1&to=2`);
    expect(diff.statusCode, diff.body).toBe(200);
    expect(diff.json().steps).toEqual([]);
    const ddl = await h.request('GET', `/api/v1/schemas/${created.id}/export/sql?version=1`);
    expect(ddl.statusCode, ddl.body).toBe(200);
  });
});
