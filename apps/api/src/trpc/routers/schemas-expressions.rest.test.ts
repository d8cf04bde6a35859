import { column, designDocument, intKey, table } from '@schema-builder/testing/design-builders';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Harness } from '../../test/harness.test-support.ts';
import { startHarness } from '../../test/harness.test-support.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** A products table whose one check is `expression`, as the first table of a design named `name`. */
function productsWithCheck(name: string, expression: string) {
  return designDocument(
    [
      table('t1', 'products', [intKey('c1'), column('c2', 'price', 'NUMERIC', { precision: 10, scale: 2 })], {
        checks: [{ id: 'k1', name: 'positive_price', expression }],
      }),
      table('t2', 'users', [intKey('c3')]),
    ],
    { name },
  );
}

const countNamed = async (name: string) =>
  (await h.services.sql`SELECT count(*)::int AS n FROM schemas WHERE name = ${name}`)[0]?.n;

describe('SQL smuggled into a check', () => {
  test.each([
    ['a second statement', 'price > 0); DROP TABLE users; --', 'SQL_NOT_SINGLE'],
    ['a comment that swallows the rest', 'price > 0 /* ) ; DROP TABLE users', 'SQL_COMMENT'],
    ['dollar quoting', 'price > 0 OR $$x$$ = $$x$$', 'SQL_DOLLAR_QUOTE'],
    ['a closing parenthesis that adds a clause', 'price > 0) NOT VALID, CHECK (true', 'SQL_SYNTAX'],
  ])(
    '%s is refused with 422, located at the expression, and nothing is stored',
    async (what, expression, code) => {
      const name = `smuggled ${what}`;
      const response = await h.request('POST', '/api/v1/schemas', productsWithCheck(name, expression));
      expect(response.statusCode, response.body).toBe(422);
      const { error } = response.json();
      expect(error.code).toBe('VALIDATION_ERROR');
      expect(error.details).toEqual([
        { path: 'tables[0].checks[0].expression', code, message: expect.stringMatching(/at character \d+/) },
      ]);
      expect(await countNamed(name)).toBe(0);
    },
  );

  test('PUT refuses it too and keeps the stored version', async () => {
    const created = await h.request('POST', '/api/v1/schemas', productsWithCheck('guarded', 'price > 0'));
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    const response = await h.request('PUT', `/api/v1/schemas/${id}`, {
      ...productsWithCheck('guarded', 'price > 0; DELETE FROM users'),
      expectedVersion: 1,
    });
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json().error.details).toEqual([
      expect.objectContaining({ path: 'tables[0].checks[0].expression', code: 'SQL_NOT_SINGLE' }),
    ]);
    const versions = await h.services
      .sql`SELECT count(*)::int AS n FROM schema_versions WHERE schema_id = ${id}`;
    expect(versions[0]?.n).toBe(1);
  });

  test('a valid check is stored and exported as written', async () => {
    const created = await h.request('POST', '/api/v1/schemas', productsWithCheck('checked', 'price > 0'));
    expect(created.statusCode, created.body).toBe(201);
    const exported = await h.request('GET', `/api/v1/schemas/${created.json().id}/export/sql`);
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.json().sql).toContain('CONSTRAINT "positive_price" CHECK (price > 0)');
  });
});
