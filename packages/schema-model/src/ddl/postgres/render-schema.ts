import { quoteIdent, quoteQualified } from '../../sql/quote.ts';
import type { CreateSchemaStatement } from '../statements.ts';
import type { DropSchemaStatement, RenameSchemaStatement, SetSchemaStatement } from '../statements-alter.ts';

/**
 * `CREATE SCHEMA IF NOT EXISTS "sales";` IF NOT EXISTS because provisioning creates the design's
 * schemas first, owned by the database's role; the script then builds in them either way.
 */
export function renderCreateSchema(statement: CreateSchemaStatement): string {
  return `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(statement.name)};`;
}

/** `DROP SCHEMA "sales";` Never CASCADE: PostgreSQL refuses it while anything is left in it. */
export function renderDropSchema(statement: DropSchemaStatement): string {
  return `DROP SCHEMA ${quoteIdent(statement.name)};`;
}

/** `ALTER SCHEMA "a" RENAME TO "b";` */
export function renderRenameSchema(statement: RenameSchemaStatement): string {
  return `ALTER SCHEMA ${quoteIdent(statement.name)} RENAME TO ${quoteIdent(statement.newName)};`;
}

/** `ALTER TABLE "a"."t" SET SCHEMA "b";` or `ALTER TYPE … SET SCHEMA …`. */
export function renderSetSchema(statement: SetSchemaStatement): string {
  const object = statement.object === 'table' ? 'TABLE' : 'TYPE';
  return `ALTER ${object} ${quoteQualified(statement.schema, statement.name)} SET SCHEMA ${quoteIdent(statement.newSchema)};`;
}
