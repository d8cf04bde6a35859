import type { CatalogSnapshot } from '@schema-builder/testing/catalog';
import { readCatalog } from '@schema-builder/testing/catalog';
import {
  CANARY_PAYLOAD,
  HOSTILE_STRINGS,
  hostileLiteralsDesign,
  MULTIBYTE_CANARY_PAYLOAD,
  hostileLiteralsNextVersion as nextVersion,
} from '@schema-builder/testing/fixtures';
import { createTestDatabase, type TestDatabase } from '@schema-builder/testing/postgres';
import postgres from 'postgres';
import { afterEach, describe, expect, test } from 'vitest';
import type { DesignDocument } from '../design/document.ts';
import type { Design } from '../design/model.ts';
import { planPostgresMigration } from '../diff/diff.ts';
import { quotePostgresLiteral } from '../sql/quote.ts';
import { parseDesign } from '../validation/parse.ts';
import { generateDdl } from './generate.ts';
import { postgresPreamble } from './postgres/session-settings.ts';

/**
 * Generated PostgreSQL SQL run on a session whose settings are hostile (literals read with
 * backslash escapes, the script's UTF-8 read as GBK, a search path that puts an attacker's schema first, another time zone)
 * builds exactly what it builds on a normal session, and runs nothing it did not mean to.
 */

const databases: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(databases.splice(0).map((db) => db.drop()));
});

async function database(): Promise<TestDatabase> {
  const db = await createTestDatabase('sbddlset');
  databases.push(db);
  return db;
}

function design(document: DesignDocument): Design {
  const parsed = parseDesign(document);
  if (!parsed.ok) throw new Error(`test design is invalid: ${JSON.stringify(parsed)}`);
  return parsed.design;
}

/**
 * A database prepared by an attacker: a `canary` table the payload would drop, and a schema
 * `evil` holding look-alikes of what the DDL names unqualified (the referenced table, the enum,
 * the types, now(), gen_random_uuid()).
 */
async function plantTraps(db: TestDatabase): Promise<void> {
  await db.sql.unsafe(`
    CREATE TABLE public.canary (id integer);
    CREATE SCHEMA evil;
    CREATE TABLE evil.users (id uuid PRIMARY KEY);
    CREATE TYPE evil.mood AS ENUM ('evil');
    CREATE DOMAIN evil.uuid AS text;
    CREATE DOMAIN evil.timestamptz AS text;
    CREATE FUNCTION evil.now() RETURNS timestamptz LANGUAGE sql AS $$ SELECT '1999-01-01'::timestamptz $$;
    CREATE FUNCTION evil.gen_random_uuid() RETURNS uuid LANGUAGE sql
      AS $$ SELECT '00000000-0000-0000-0000-000000000000'::uuid $$;`);
}

/** A one-connection session on `db` with every setting the DDL could trip over turned against it. */
async function hostileSession(db: TestDatabase): Promise<postgres.Sql> {
  const sql = postgres(db.url, { max: 1, onnotice: () => {} });
  await sql.unsafe(`
    SET standard_conforming_strings = off;
    SET client_encoding = 'GBK';
    SET search_path = evil, pg_catalog, public;
    SET check_function_bodies = on;
    SET TimeZone = 'Pacific/Kiritimati';
    SET DateStyle = 'SQL, DMY';
    CREATE TEMP TABLE users (id uuid PRIMARY KEY);`);
  const [setting] = await sql<{ standard_conforming_strings: string }[]>`SHOW standard_conforming_strings`;
  expect(setting?.standard_conforming_strings).toBe('off');
  return sql;
}

/** What an attacker could have changed: the canary, the traps, where references point. */
async function aftermath(db: TestDatabase) {
  const [canary] = await db.sql<
    { exists: boolean }[]
  >`SELECT to_regclass('public.canary') IS NOT NULL AS exists`;
  const evilRelations = await db.sql<{ name: string }[]>`
    SELECT relname::text AS name FROM pg_class WHERE relnamespace = 'evil'::regnamespace AND relkind = 'r'`;
  // Every namespace a public table's column type or foreign key reaches.
  const reached = await db.sql<{ nspname: string }[]>`
    SELECT DISTINCT tn.nspname::text AS nspname
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid AND c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
    JOIN pg_type t ON t.oid = a.atttypid
    JOIN pg_namespace tn ON tn.oid = t.typnamespace
    WHERE a.attnum > 0
    UNION
    SELECT DISTINCT rn.nspname::text
    FROM pg_constraint k
    JOIN pg_class r ON r.oid = k.confrelid
    JOIN pg_namespace rn ON rn.oid = r.relnamespace
    WHERE k.contype = 'f'
    ORDER BY 1`;
  return {
    canarySurvived: canary?.exists,
    evilRelations: evilRelations.map((r) => r.name),
    reached: reached.map((r) => r.nspname),
  };
}

/** The public schema's catalog without the planted canary, to compare with a normal build's. */
async function builtCatalog(db: TestDatabase): Promise<CatalogSnapshot> {
  const catalog = await readCatalog(db.sql, 'public');
  const { canary: _canary, ...tables } = catalog.tables;
  return { ...catalog, tables };
}

const untouched = { canarySurvived: true, evilRelations: ['users'], reached: ['pg_catalog', 'public'] };

/** The catalog `document`'s script builds on a normal session of a fresh database. */
async function normalBuild(document: DesignDocument): Promise<CatalogSnapshot> {
  const db = await database();
  await db.sql.unsafe(generateDdl(design(document)).sql).simple();
  return readCatalog(db.sql, 'public');
}

describe('generated PostgreSQL DDL on a hostile session', () => {
  test('the design keeps every comment, default and enum value exactly as written', async () => {
    const catalog = await normalBuild(hostileLiteralsDesign);
    expect(catalog.tables.users?.comment).toBe(CANARY_PAYLOAD);
    expect(catalog.enums.mood).toEqual({
      values: ['plain', CANARY_PAYLOAD, 'back\\slash', "it's", '$$'],
      comment: CANARY_PAYLOAD,
    });
    const columns = Object.fromEntries((catalog.tables.users?.columns ?? []).map((c) => [c.name, c]));
    expect(columns.note?.comment).toBe('C:\\temp\\new');
    expect(columns.label?.comment).toBe("it's $tag$ x $tag$");
    expect(columns.note?.default).toBe(`'x\\''; DROP TABLE canary; --'::character varying`);
    expect(columns.path?.default).toBe(`'ends with a backslash \\'::character varying`);
    expect(columns.created_at?.default).toBe('now()');
    expect(columns.path?.comment).toBe(MULTIBYTE_CANARY_PAYLOAD);
  });

  test.each([
    ['as one batch', (sql: postgres.Sql, script: string) => sql.unsafe(script).simple()],
    [
      'statement by statement',
      async (sql: postgres.Sql, _script: string, statements: readonly string[]) => {
        for (const statement of statements) await sql.unsafe(statement);
      },
    ],
  ])('the export script %s builds what a normal session builds, and the canary survives', async (_, run) => {
    const expected = await normalBuild(hostileLiteralsDesign);
    const db = await database();
    await plantTraps(db);
    const hostile = await hostileSession(db);
    try {
      const { sql, statements } = generateDdl(design(hostileLiteralsDesign));
      await run(hostile, sql, statements);
    } finally {
      await hostile.end({ timeout: 5 });
    }
    expect(await aftermath(db)).toEqual(untouched);
    expect(await builtCatalog(db)).toEqual(expected);
  });

  test('the migration SQL, after its preamble, builds what a fresh build of the new version does', async () => {
    const expected = await normalBuild(nextVersion);
    const db = await database();
    await db.sql.unsafe(generateDdl(design(hostileLiteralsDesign)).sql).simple();
    await plantTraps(db);
    const plan = planPostgresMigration(design(hostileLiteralsDesign), design(nextVersion));
    expect(plan.steps.length).toBeGreaterThan(0);
    const hostile = await hostileSession(db);
    try {
      for (const statement of [...postgresPreamble(), ...plan.steps.flatMap((s) => s.sql)])
        await hostile.unsafe(statement);
    } finally {
      await hostile.end({ timeout: 5 });
    }
    expect(await aftermath(db)).toEqual(untouched);
    expect(await builtCatalog(db)).toEqual(expected);
  });

  test('a literal means the same with standard_conforming_strings off, even without the preamble', async () => {
    const db = await database();
    const sql = postgres(db.url, { max: 1, onnotice: () => {} });
    try {
      await sql.unsafe('CREATE TABLE canary (id integer); SET standard_conforming_strings = off');
      for (const text of HOSTILE_STRINGS) {
        await sql.unsafe(`COMMENT ON TABLE canary IS ${quotePostgresLiteral(text)}`);
        const [row] = await sql<{ comment: string }[]>`SELECT obj_description('canary'::regclass) AS comment`;
        expect(row?.comment).toBe(text);
      }
    } finally {
      await sql.end({ timeout: 5 });
    }
  });
});
