import { generateDdl } from '@schema-builder/schema-model/ddl';
import { normalizeDesign } from '@schema-builder/schema-model/design';
import { testEnv } from '@schema-builder/testing/env';
import { postgresTypesDesign } from '@schema-builder/testing/fixtures';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MariadbDatabase } from '../fidelity/load-mysql.test-support.ts';
import { createMariadbDatabase, mariadbUnavailable } from '../fidelity/load-mysql.test-support.ts';

/**
 * The MySQL export of PostgreSQL's own types and arrays, run on MariaDB, holds what its warnings
 * say: arrays are JSON arrays (anything else refused), CITEXT compares without case, MONEY is a
 * decimal amount, the other types keep their text as written.
 */
const unavailable = await mariadbUnavailable(testEnv.MARIADB_URL);
if (unavailable)
  console.log(`[ddl] PostgreSQL types on MariaDB: skipped, ${testEnv.MARIADB_URL}: ${unavailable}`);

let database: MariadbDatabase;
beforeAll(async () => {
  if (unavailable) return;
  database = await createMariadbDatabase(testEnv.MARIADB_URL, 'sbtypes');
  await database.load(generateDdl(normalizeDesign(postgresTypesDesign), { dialect: 'mysql' }).sql);
});
afterAll(() => database?.drop());

const query = async (sql: string) => (await database.connection.query(sql))[0];

describe.skipIf(unavailable !== undefined)("MariaDB: PostgreSQL's own types and arrays, as exported", () => {
  test('defaults are the values PostgreSQL would give, arrays as JSON', async () => {
    await query("INSERT INTO hosts (email) VALUES ('Ann@Example.com')");
    const rows = await query(
      'SELECT ip, network, mac, wait, CAST(price AS CHAR) AS price, ages, days, tags, scores, codes, moods FROM hosts',
    );
    expect(rows).toEqual([
      {
        ip: '192.168.0.1',
        network: '10.0.0.0/8',
        mac: '08:00:2b:01:02:03',
        wait: '00:00:00',
        price: '12.50',
        ages: '[1,10)',
        days: 'empty',
        tags: '[]',
        scores: '[1,2]',
        codes: '["a b",null]',
        moods: '["happy"]',
      },
    ]);
  });

  test('CITEXT compares without case, in lookups and in its unique key', async () => {
    expect(await query("SELECT count(*) AS n FROM hosts WHERE email = 'ANN@EXAMPLE.COM'")).toEqual([
      { n: '1' }, // count(*) is a BIGINT, which the driver hands back as text
    ]);
    await expect(query("INSERT INTO hosts (email) VALUES ('ann@example.com')")).rejects.toThrow(/Duplicate/);
  });

  test('an array column takes JSON arrays only', async () => {
    await query(`INSERT INTO hosts (email, tags) VALUES ('b@x', '["x","y"]')`);
    await expect(query(`INSERT INTO hosts (email, tags) VALUES ('c@x', '{"a":1}')`)).rejects.toThrow(
      /CONSTRAINT/i,
    );
    await expect(query(`INSERT INTO hosts (email, tags) VALUES ('d@x', '{x,y}')`)).rejects.toThrow(
      /JSON/, // not JSON at all: json_type refuses it before the CHECK can
    );
  });
});
