import { blogDesign, ecommerceDesign } from '@schema-builder/testing/fixtures';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Harness } from '../../test/harness.test-support.ts';
import { startHarness } from '../../test/harness.test-support.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function create(document: Record<string, unknown>) {
  const response = await h.request('POST', '/api/v1/schemas', document);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('POST /api/v1/schemas', () => {
  test('stores a PRD document as version 1 with metadata at the top level', async () => {
    const body = await create({
      ...blogDesign,
      name: 'blog-create',
      id: 'client-chosen-id',
      createdAt: '2000-01-01T00:00:00Z',
      updatedAt: '2000-01-01T00:00:00Z',
    });
    expect(body).toMatchObject({
      name: 'blog-create',
      description: blogDesign.description ?? '',
      version: 1,
      status: 'draft',
      tableCount: blogDesign.tables.length,
    });
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.id).not.toBe('client-chosen-id');
    expect(body.createdAt).not.toBe('2000-01-01T00:00:00Z');
    expect(new Date(body.createdAt).getTime()).not.toBeNaN();
    // the document's own format version stays inside the definition
    expect(body.definition.version).toBe(blogDesign.version);
    expect(body.definition.tables).toEqual(blogDesign.tables);
    expect(body.definition).not.toHaveProperty('id');
    expect(body.definition).not.toHaveProperty('createdAt');
    expect(body.definition).not.toHaveProperty('updatedAt');
  });

  test('refuses a second live schema with the same name with 409 DUPLICATE_NAME', async () => {
    await create({ ...blogDesign, name: 'blog-dup' });
    const response = await h.request('POST', '/api/v1/schemas', { ...blogDesign, name: 'blog-dup' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'DUPLICATE_NAME', details: [{ path: 'name' }] });
  });

  test('refuses an invalid design with every problem located', async () => {
    const [users, ...rest] = blogDesign.tables;
    if (!users) throw new Error('fixture has tables');
    const broken = {
      ...blogDesign,
      name: 'broken',
      tables: [
        { ...users, columns: [...users.columns, { id: 'x1', name: '', dataType: 'VARCHAR' }] },
        ...rest,
      ],
    };
    const response = await h.request('POST', '/api/v1/schemas', broken);
    expect(response.statusCode).toBe(422);
    const { error } = response.json();
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.details).toContainEqual(
      expect.objectContaining({
        path: `tables[0].columns[${users.columns.length}].name`,
        code: 'NAME_EMPTY',
      }),
    );
  });

  test('answers UNSUPPORTED_DATA_TYPE when unknown types are the only problem', async () => {
    const response = await h.request('POST', '/api/v1/schemas', {
      name: 'bad-type',
      tables: [
        { id: 't', name: 't', columns: [{ id: 'c', name: 'c', dataType: 'MONEYBAGS', primaryKey: true }] },
      ],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({
      code: 'UNSUPPORTED_DATA_TYPE',
      details: [{ path: 'tables[0].columns[0].dataType', code: 'UNSUPPORTED_DATA_TYPE' }],
    });
  });
});

describe('GET /api/v1/schemas', () => {
  beforeAll(async () => {
    for (const name of ['list-alpha', 'list-beta', 'list-gamma_50%']) {
      await create({ ...ecommerceDesign, name, description: `${name} shop` });
    }
  });

  test('pages by cursor in the sort asked for; the last page has no next cursor', async () => {
    const first = (await h.request('GET', '/api/v1/schemas?search=list-&limit=2&sort=name')).json();
    expect(first.items.map((item: { name: string }) => item.name)).toEqual(['list-alpha', 'list-beta']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (
      await h.request('GET', `/api/v1/schemas?search=list-&limit=2&sort=name&cursor=${first.nextCursor}`)
    ).json();
    expect(second).toMatchObject({ nextCursor: null });
    expect(second.items.map((item: { name: string }) => item.name)).toEqual(['list-gamma_50%']);
    expect(second.items[0]).not.toHaveProperty('definition');
  });

  test('a cursor of one sort is refused by another with 422 at cursor, not misread', async () => {
    const first = (await h.request('GET', '/api/v1/schemas?search=list-&limit=1&sort=name')).json();
    const response = await h.request('GET', `/api/v1/schemas?limit=1&sort=-name&cursor=${first.nextCursor}`);
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ path: 'cursor' }] });
  });

  test('searches name and description literally (LIKE wildcards are characters)', async () => {
    const body = (await h.request('GET', `/api/v1/schemas?search=${encodeURIComponent('50%')}`)).json();
    expect(body.items.map((item: { name: string }) => item.name)).toEqual(['list-gamma_50%']);
    const byDescription = (await h.request('GET', '/api/v1/schemas?search=beta%20shop')).json();
    expect(byDescription.items.map((item: { name: string }) => item.name)).toEqual(['list-beta']);
  });

  test.each([
    ['-name', ['list-gamma_50%', 'list-beta', 'list-alpha']],
    ['name', ['list-alpha', 'list-beta', 'list-gamma_50%']],
    ['createdAt', ['list-alpha', 'list-beta', 'list-gamma_50%']],
  ])('sorts by %s', async (sort, names) => {
    const body = (await h.request('GET', `/api/v1/schemas?search=list-&sort=${sort}`)).json();
    expect(body.items.map((item: { name: string }) => item.name)).toEqual(names);
  });

  test.each([
    ['limit=101', 'limit'],
    ['limit=0', 'limit'],
    ['cursor=not-a-cursor', 'cursor'],
    ['sort=owner', 'sort'],
  ])('rejects %s with 422 located at %s', async (query, path) => {
    const response = await h.request('GET', `/api/v1/schemas?${query}`);
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details[0].path).toBe(path);
  });
});

describe('PUT /api/v1/schemas/{id}', () => {
  test('a real change creates the next version; an identical document creates none', async () => {
    const created = await create({ ...blogDesign, name: 'blog-versions' });
    const changed = { ...blogDesign, name: 'blog-versions', description: 'now with a new description' };

    const updated = await h.request('PUT', `/api/v1/schemas/${created.id}`, {
      ...changed,
      expectedVersion: 1,
      changeNote: 'describe it',
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ version: 2, description: 'now with a new description' });

    const same = await h.request('PUT', `/api/v1/schemas/${created.id}`, { ...changed, expectedVersion: 2 });
    expect(same.statusCode).toBe(200);
    expect(same.json().version).toBe(2);

    const versions = (await h.request('GET', `/api/v1/schemas/${created.id}/versions`)).json();
    expect(versions.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions.items[0].changeNote).toBe('describe it');

    const v1 = (await h.request('GET', `/api/v1/schemas/${created.id}/versions/1`)).json();
    expect(v1.definition.description).toBe(blogDesign.description);
  });

  test('a stale expectedVersion gets 409 VERSION_CONFLICT and changes nothing', async () => {
    const created = await create({ ...blogDesign, name: 'blog-stale' });
    await h.request('PUT', `/api/v1/schemas/${created.id}`, {
      ...blogDesign,
      name: 'blog-stale',
      description: 'first edit',
      expectedVersion: 1,
    });
    const stale = await h.request('PUT', `/api/v1/schemas/${created.id}`, {
      ...blogDesign,
      name: 'blog-stale',
      description: 'lost edit',
      expectedVersion: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: [{ path: 'expectedVersion' }],
    });
    const current = (await h.request('GET', `/api/v1/schemas/${created.id}`)).json();
    expect(current).toMatchObject({ version: 2, description: 'first edit' });
  });

  test('requires expectedVersion', async () => {
    const created = await create({ ...blogDesign, name: 'blog-no-version' });
    const response = await h.request('PUT', `/api/v1/schemas/${created.id}`, { ...blogDesign, name: 'x' });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details[0]).toMatchObject({ path: 'expectedVersion', code: 'REQUIRED' });
  });
});

describe('DELETE /api/v1/schemas/{id}', () => {
  test('soft-deletes: the schema is gone from reads and its name is free again', async () => {
    const created = await create({ ...blogDesign, name: 'blog-delete' });
    const deleted = await h.request('DELETE', `/api/v1/schemas/${created.id}`);
    expect(deleted.statusCode).toBe(200);
    expect((await h.request('GET', `/api/v1/schemas/${created.id}`)).statusCode).toBe(404);
    expect((await h.request('DELETE', `/api/v1/schemas/${created.id}`)).statusCode).toBe(404);
    await create({ ...blogDesign, name: 'blog-delete' });
    const [row] = await h.services.sql`SELECT deleted_at FROM schemas WHERE id = ${created.id}`;
    expect(row?.deleted_at).not.toBeNull();
  });
});

describe('GET /api/v1/schemas/{id}/export/sql', () => {
  test('returns the PostgreSQL DDL as text and as statements', async () => {
    const created = await create({ ...blogDesign, name: 'blog-export' });
    const response = await h.request('GET', `/api/v1/schemas/${created.id}/export/sql`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.dialect).toBe('postgresql');
    expect(body.statements.length).toBeGreaterThan(blogDesign.tables.length);
    expect(body.sql).toBe(`${body.statements.join('\n\n')}\n`);
    expect(body.sql).toContain('CREATE TABLE "users"');
    // The settings the DDL relies on come first, so a client running the statements one by one
    // on its own session gets them too.
    expect(body.statements[0]).toBe("SET client_encoding = 'UTF8';");
    expect(body.statements.slice(0, 9)).toContain('SET standard_conforming_strings = on;');
    expect(body.statements.slice(0, 9)).toContain('SET search_path = "public", pg_temp;');
  });

  test.each([
    ['mysql', 'CREATE TABLE `users`'],
    ['sqlite', 'CREATE TABLE "users"'],
  ])('exports %s DDL too', async (dialect, expected) => {
    const created = await create({ ...blogDesign, name: `blog-export-${dialect}` });
    const response = await h.request('GET', `/api/v1/schemas/${created.id}/export/sql?dialect=${dialect}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ dialect });
    expect(response.json().sql).toContain(expected);
  });

  test('lists what MySQL changes from the design, with a comment at the spot in the SQL; PostgreSQL none', async () => {
    const created = await create({
      name: 'export-warnings',
      tables: [
        {
          id: 't1',
          name: 'events',
          columns: [
            { id: 'c1', name: 'id', dataType: 'BIGINT', primaryKey: true, autoIncrement: true },
            { id: 'c2', name: 'at', dataType: 'TIMESTAMPTZ' },
          ],
        },
      ],
    });
    const mysql = (await h.request('GET', `/api/v1/schemas/${created.id}/export/sql?dialect=mysql`)).json();
    expect(mysql.warnings).toEqual([
      expect.objectContaining({ code: 'TIMESTAMPTZ_AS_DATETIME', path: 'tables[0].columns[1]' }),
    ]);
    expect(mysql.sql).toContain('-- TIMESTAMPTZ_AS_DATETIME: ');
    expect(mysql.sql).toContain('`at` datetime(6)');
    const postgresql = (await h.request('GET', `/api/v1/schemas/${created.id}/export/sql`)).json();
    expect(postgresql.warnings).toEqual([]);
  });

  test('rejects an unknown dialect', async () => {
    const created = await create({ ...blogDesign, name: 'blog-export-dialect' });
    const response = await h.request('GET', `/api/v1/schemas/${created.id}/export/sql?dialect=oracle`);
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details[0].path).toBe('dialect');
  });
});

describe('POST /api/v1/schemas/validate', () => {
  test('reports errors and warnings without saving', async () => {
    const saved = async () => (await h.request('GET', '/api/v1/schemas?search=unsaved')).json().items;
    expect(await saved()).toEqual([]);
    const response = await h.request('POST', '/api/v1/schemas/validate', {
      name: 'unsaved',
      tables: [
        {
          id: 't1',
          name: 'no_key',
          columns: [{ id: 'c1', name: 'c', dataType: 'INT', autoIncrement: false }],
        },
      ],
    });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.valid).toBe(true);
    expect(report.warnings).toContainEqual(
      expect.objectContaining({ code: 'MISSING_PRIMARY_KEY', severity: 'warning', path: 'tables[0]' }),
    );
    expect(await saved()).toEqual([]);
  });

  test('?dialect=mysql adds what MySQL would refuse (errors) and what its export changes (warnings)', async () => {
    const columns = ['a', 'b', 'c', 'd'].map((n) => ({ id: n, name: n, dataType: 'VARCHAR', length: 255 }));
    const design = {
      name: 'unsaved-mysql',
      tables: [
        {
          id: 't1',
          name: 'wide',
          columns: [
            { id: 'k', name: 'k', dataType: 'BIGINT', primaryKey: true },
            ...columns,
            { id: 'at', name: 'at', dataType: 'TIMESTAMPTZ' },
          ],
          indexes: [{ id: 'i1', name: 'wide_idx', columns: ['a', 'b', 'c', 'd'], unique: true }],
        },
      ],
    };
    const mysql = (await h.request('POST', '/api/v1/schemas/validate?dialect=mysql', design)).json();
    expect(mysql.valid).toBe(false);
    expect(mysql.errors).toContainEqual(
      expect.objectContaining({ code: 'KEY_TOO_LONG', severity: 'error', path: 'tables[0].indexes[0]' }),
    );
    const plain = (await h.request('POST', '/api/v1/schemas/validate', design)).json();
    expect(plain.valid).toBe(true);
    const refused = await h.request('POST', '/api/v1/schemas/validate?dialect=oracle', design);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details[0].path).toBe('dialect');
  });

  test('?dialect=mysql on a design MySQL accepts: valid, the export changes as warnings', async () => {
    const design = {
      name: 'unsaved-mysql-ok',
      tables: [
        {
          id: 't1',
          name: 'events',
          columns: [
            { id: 'k', name: 'k', dataType: 'BIGINT', primaryKey: true },
            { id: 'at', name: 'at', dataType: 'TIMESTAMPTZ' },
          ],
        },
      ],
    };
    const report = (await h.request('POST', '/api/v1/schemas/validate?dialect=mysql', design)).json();
    expect(report.valid).toBe(true);
    expect(report.warnings).toContainEqual(
      expect.objectContaining({
        code: 'TIMESTAMPTZ_AS_DATETIME',
        severity: 'warning',
        path: 'tables[0].columns[1]',
      }),
    );
  });
});
