import type { TestDatabase } from '@schema-builder/testing/postgres';
import { createTestDatabase } from '@schema-builder/testing/postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultExpression } from '../design/defaults.ts';
import { quoteIdent, quotePostgresLiteral } from '../sql/quote.ts';
import { ACCEPTED, REJECTED, STATUS, typeOf } from './defaults-cases.test-support.ts';

/** How a test renders a default into SQL, the way a DDL generator would. */
function sqlType(spec: string): string {
  const type = typeOf(spec);
  const modifiers = [type.length ?? type.precision, type.scale].filter((value) => value !== undefined);
  const name = { DOUBLE: 'double precision', ENUM: 'order_status' }[type.dataType as string] ?? type.dataType;
  return modifiers.length > 0 ? `${name}(${modifiers.join(',')})` : name;
}

function sqlDefault(value: unknown): string {
  const expression = defaultExpression(value);
  if (expression) return expression;
  return quotePostgresLiteral(typeof value === 'object' ? JSON.stringify(value) : String(value));
}

describe('PostgreSQL agrees', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('validation_defaults');
    await db.sql.unsafe(`CREATE TYPE ${quoteIdent(STATUS.name)} AS ENUM ('new', 'paid')`);
    await db.sql.unsafe('CREATE EXTENSION IF NOT EXISTS citext');
  });
  afterAll(async () => {
    await db?.drop();
  });

  async function insertDefault(spec: string, value: unknown): Promise<void> {
    await db.sql.begin(async (sql) => {
      await sql.unsafe(
        `CREATE TEMP TABLE probe (value ${sqlType(spec)} DEFAULT ${sqlDefault(value)}) ON COMMIT DROP`,
      );
      await sql.unsafe('INSERT INTO probe DEFAULT VALUES');
    });
  }

  test.each(ACCEPTED)('accepts %s %j', async (spec, value) => {
    await expect(insertDefault(spec, value)).resolves.toBeUndefined();
  });

  const refused = REJECTED.filter(([, value, , stricter]) => !stricter && !String(value).includes('\u0000'));
  test.each(refused)('refuses %s %j', async (spec, value) => {
    await expect(insertDefault(spec, value)).rejects.toThrow();
  });
});
