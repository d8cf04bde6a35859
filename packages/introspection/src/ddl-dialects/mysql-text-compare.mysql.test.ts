import { generateDdl } from '@schema-builder/schema-model/ddl';
import type { DesignDocument } from '@schema-builder/schema-model/design';
import { normalizeDesign } from '@schema-builder/schema-model/design';
import { testEnv } from '@schema-builder/testing/env';
import { afterAll, expect, test } from 'vitest';
import { createMariadbDatabase, mariadbUnavailable } from '../fidelity/load-mysql.test-support.ts';

/**
 * A MySQL export compares text as PostgreSQL does, byte for byte, whatever the server's default
 * collation (MariaDB's is case-insensitive): a UNIQUE key keeps `Ada@x` and `ada@x` apart, and a
 * CHECK refuses `NEW` where it names `new`.
 */
const unavailable = await mariadbUnavailable(testEnv.MARIADB_URL);
if (unavailable) throw new Error(`MariaDB at ${testEnv.MARIADB_URL} does not answer: ${unavailable}`);

const design: DesignDocument = {
  name: 'text compare',
  tables: [
    {
      id: 't_users',
      name: 'users',
      columns: [
        { id: 'c_id', name: 'id', dataType: 'INTEGER', primaryKey: true },
        { id: 'c_email', name: 'email', dataType: 'VARCHAR', length: 100, unique: true },
        {
          id: 'c_status',
          name: 'status',
          dataType: 'VARCHAR',
          length: 10,
          check: "status IN ('new', 'paid')",
        },
      ],
    },
  ],
};
const db = await createMariadbDatabase(testEnv.MARIADB_URL, 'sbtextcmp');
afterAll(() => db.drop());

test('text keeps its case in UNIQUE keys and CHECKs, as in PostgreSQL', async () => {
  const { sql, warnings } = generateDdl(normalizeDesign(design), { dialect: 'mysql' });
  expect(warnings).toEqual([]);
  await db.load(sql);
  const insert = (id: number, email: string, status: string) =>
    db.connection.query('INSERT INTO `users` VALUES (?, ?, ?)', [id, email, status]);
  await insert(1, 'Ada@x', 'new');
  await expect(insert(2, 'ada@x', 'paid')).resolves.toBeDefined();
  await expect(insert(3, 'bob@x', 'NEW')).rejects.toThrow(/CONSTRAINT/i);
});
