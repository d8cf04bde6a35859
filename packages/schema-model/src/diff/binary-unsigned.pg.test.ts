import { readCatalog } from '@schema-builder/testing/catalog';
import { column, designDocument, table } from '@schema-builder/testing/design-builders';
import type { TestDatabase } from '@schema-builder/testing/postgres';
import { createTestDatabase } from '@schema-builder/testing/postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DesignDocument } from '../design/document.ts';
import { renderPostgresDataCheck } from './data-check.ts';
import { design, edit } from './design-helpers.test-support.ts';
import { planPostgresMigration } from './diff.ts';
import type { Connection } from './pg-harness.test-support.ts';
import { applyPlan, build, inFreshSchema } from './pg-harness.test-support.ts';

/**
 * Binary lengths and unsigned ranges on the real PostgreSQL: the CHECKs of a fresh build refuse
 * what the type does not hold, and a migration that changes them ends as a fresh build of the new
 * version (same catalog, same type CHECKs by name and definition), its data checks counting the
 * rows it would refuse.
 */

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('sbbin');
});
afterAll(async () => {
  await db?.drop();
});

const base = designDocument([
  table('t_tokens', 'tokens', [
    column('k_id', 'id', 'BINARY', { length: 4, primaryKey: true }),
    column('k_digest', 'digest', 'VARBINARY', { length: 8 }),
    column('k_count', 'count', 'INTEGER', { unsigned: true, defaultValue: 0, nullable: false }),
    column('k_small', 'small', 'SMALLINT', { unsigned: true }),
    column('k_big', 'big', 'BIGINT', { unsigned: true }),
    column('k_blob', 'blob', 'BYTEA', { length: 10 }),
  ]),
]);

/** The CHECK constraints of the schema, `table.name: definition`, sorted. */
async function checks(conn: Connection, schema: string): Promise<string[]> {
  const rows = await conn.unsafe<{ line: string }[]>(
    `SELECT c.relname || '.' || k.conname || ': ' || pg_get_constraintdef(k.oid) AS line
     FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
     WHERE k.contype = 'c' AND c.relnamespace = $1::regnamespace ORDER BY 1`,
    [schema],
  );
  return rows.map((r) => r.line);
}

async function refuses(conn: Connection, statement: string): Promise<string> {
  await conn.unsafe('SAVEPOINT attempt');
  try {
    await conn.unsafe(statement);
  } catch (error) {
    await conn.unsafe('ROLLBACK TO SAVEPOINT attempt');
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error(`accepted: ${statement}`);
}

describe('the type CHECKs on PostgreSQL 15', () => {
  test('a fresh build refuses negatives, values out of range and bytes of the wrong length', async () => {
    await inFreshSchema(db.sql, async (conn) => {
      await build(conn, design(base));
      await conn.unsafe('BEGIN');
      await conn.unsafe(
        `INSERT INTO tokens (id, digest, count, small, big, blob) VALUES ('\\x01020304', '\\x0102', 4294967295, 65535, 9223372036854775807, '\\x00')`,
      );
      const insert = (set: string) =>
        `INSERT INTO tokens (id, ${set.split('=')[0]}) VALUES ('\\x0a0b0c0d', ${set.split('=')[1]})`;
      for (const bad of ['count=-1', 'count=4294967296', 'small=-1', 'small=65536', 'big=-1']) {
        expect(await refuses(conn, insert(bad))).toMatch(/violates check constraint "tokens_\w+_check"/);
      }
      expect(await refuses(conn, `INSERT INTO tokens (id) VALUES ('\\x0102')`)).toContain('tokens_id_check');
      expect(await refuses(conn, insert(`digest='\\x010203040506070809'`))).toContain('tokens_digest_check');
      expect(await refuses(conn, insert(`blob='\\x0102030405060708090a0b'`))).toContain('tokens_blob_check');
      await conn.unsafe('ROLLBACK');
    });
  });

  test.each<[string, DesignDocument, number]>([
    [
      'VARBINARY widened, INTEGER unsigned made BIGINT, SMALLINT made signed',
      edit(base, (d) => {
        d.column('t_tokens', 'k_digest').length = 32;
        d.column('t_tokens', 'k_count').dataType = 'BIGINT';
        d.column('t_tokens', 'k_small').unsigned = false;
      }),
      0,
    ],
    [
      'columns renamed: their CHECKs follow',
      edit(base, (d) => {
        d.column('t_tokens', 'k_digest').name = 'hash';
        d.table('t_tokens').name = 'keys';
      }),
      0,
    ],
    [
      'two columns swap names: their CHECKs swap names through temporary ones',
      edit(base, (d) => {
        d.column('t_tokens', 'k_small').name = 'big';
        d.column('t_tokens', 'k_big').name = 'small';
      }),
      0,
    ],
    [
      'swapped names and a type change on one of them',
      edit(base, (d) => {
        d.column('t_tokens', 'k_digest').name = 'blob';
        d.column('t_tokens', 'k_blob').name = 'digest';
        d.column('t_tokens', 'k_blob').length = 20;
      }),
      0,
    ],
    [
      'renamed and narrowed: the rows that would fail are counted first',
      edit(base, (d) => {
        d.column('t_tokens', 'k_blob').name = 'payload';
        d.column('t_tokens', 'k_blob').length = 2;
      }),
      1,
    ],
    [
      'BINARY made VARBINARY, BYTEA limit removed, BIGINT unsigned made signed',
      edit(base, (d) => {
        d.column('t_tokens', 'k_id').dataType = 'VARBINARY';
        delete d.column('t_tokens', 'k_blob').length;
        d.column('t_tokens', 'k_big').unsigned = false;
      }),
      0,
    ],
  ])('%s: ends as a fresh build, with the same CHECKs', async (_, next, failing) => {
    const plan = planPostgresMigration(design(base), design(next));
    const fresh = await inFreshSchema(db.sql, async (conn, schema) => {
      await build(conn, design(next));
      return { catalog: await readCatalog(conn, schema), checks: await checks(conn, schema) };
    });
    await inFreshSchema(db.sql, async (conn, schema) => {
      await build(conn, design(base));
      await conn.unsafe(
        `INSERT INTO tokens (id, digest, count, small, big, blob) VALUES ('\\x01020304', '\\x0102', 7, 300, 9223372036854775807, '\\x00010203')`,
      );
      let found = 0;
      for (const step of plan.steps)
        for (const check of step.dataChecks) {
          const [row] = await conn.unsafe<{ count: string }[]>(renderPostgresDataCheck(check));
          found += Number(row?.count ?? 0);
        }
      expect(found).toBe(failing);
      if (failing > 0) {
        await expect(applyPlan(conn, plan)).rejects.toThrow(/check constraint/);
        await conn.unsafe('DELETE FROM tokens');
      }
      await applyPlan(conn, plan);
      expect(await readCatalog(conn, schema)).toEqual(fresh.catalog);
      expect(await checks(conn, schema)).toEqual(fresh.checks);
      expect(planPostgresMigration(design(next), design(next)).steps).toEqual([]);
    });
  });
});
