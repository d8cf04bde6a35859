import { generateDdl } from '@schema-builder/schema-model/ddl';
import type { DesignDocument } from '@schema-builder/schema-model/design';
import { normalizeDesign } from '@schema-builder/schema-model/design';
import { testEnv } from '@schema-builder/testing/env';
import { designFixtures } from '@schema-builder/testing/fixtures';
import { describe, expect, test } from 'vitest';
import { createMariadbDatabase, mariadbUnavailable } from '../fidelity/load-mysql.test-support.ts';
import { introspectMysql } from '../mysql/introspect.ts';

/**
 * Every shared design fixture's MySQL DDL runs on the machine's MariaDB, in a fresh
 * `sbddl_<random>` database per fixture, and creates every table, column and foreign key.
 */
const unavailable = await mariadbUnavailable(testEnv.MARIADB_URL);
if (unavailable)
  console.log(`[ddl] MySQL DDL on MariaDB: skipped, ${testEnv.MARIADB_URL} does not answer: ${unavailable}`);

const ASTRAL = /[\u{10000}-\u{10FFFF}]/gu;

/**
 * Fixtures MySQL cannot take as they are, each with the reason. MySQL and MariaDB identifiers
 * hold only characters of the Basic Multilingual Plane, so an emoji cannot be in a name; such a
 * fixture runs instead with those characters in names replaced by `_` (values keep them).
 */
const EXCLUDED: Readonly<Record<string, string>> = {
  unicodeDesign: 'an emoji in a column name: MySQL identifiers are limited to the BMP',
  longNamesDesign: 'an emoji in a column name: MySQL identifiers are limited to the BMP',
};

/** The document with astral characters in names (and in index column lists) replaced by `_`. */
function withBmpNames(value: unknown, key = ''): unknown {
  if (typeof value === 'string')
    return key === 'name' || key === 'columns' ? value.replace(ASTRAL, '_') : value;
  if (Array.isArray(value)) return value.map((item) => withBmpNames(item, key));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withBmpNames(v, k)]));
}

const cases: Array<[string, DesignDocument]> = Object.entries(designFixtures).map(([name, fixture]) =>
  name in EXCLUDED
    ? [`${name} (names without emoji)`, withBmpNames(fixture) as DesignDocument]
    : [name, fixture],
);

describe.skipIf(unavailable !== undefined)('generated MySQL DDL on MariaDB', () => {
  test('every exclusion names a fixture that exists', () => {
    for (const name of Object.keys(EXCLUDED)) expect(designFixtures).toHaveProperty(name);
  });

  test.each(cases)('%s: executes and creates every table, column and foreign key', async (_, fixture) => {
    const design = normalizeDesign(fixture);
    const { sql } = generateDdl(design, { dialect: 'mysql' });
    const database = await createMariadbDatabase(testEnv.MARIADB_URL, 'sbddl');
    try {
      await database.load(sql);
      const catalog = await introspectMysql(database.connection, database.name);
      const shape = (tables: ReadonlyArray<{ name: string; columns: ReadonlyArray<{ name: string }> }>) =>
        tables.map((t) => `${t.name}(${t.columns.map((c) => c.name).join(',')})`).sort();
      expect(shape(catalog.tables)).toEqual(
        shape(design.tables.map((t) => ({ name: t.name, columns: t.columns }))),
      );
      const foreignKeys = catalog.tables.reduce((n, t) => n + t.foreignKeys.length, 0);
      expect(foreignKeys).toBe(design.foreignKeys.length);
    } finally {
      await database.drop();
    }
  });
});
