import { quoteIdent, quotePostgresLiteral, quoteQualified } from '../../sql/quote.ts';
import type { CreateEnumStatement } from '../statements.ts';
import type {
  AddEnumValueStatement,
  DropEnumStatement,
  RenameEnumStatement,
  RenameEnumValueStatement,
} from '../statements-alter.ts';

/** `CREATE TYPE "status" AS ENUM ('a', 'b');` */
export function renderCreateEnum(statement: CreateEnumStatement): string {
  return `CREATE TYPE ${quoteQualified(statement.schema, statement.name)} AS ENUM (${statement.values.map(quotePostgresLiteral).join(', ')});`;
}

/** `DROP TYPE "status";` Never CASCADE. */
export function renderDropEnum(statement: DropEnumStatement): string {
  return `DROP TYPE ${quoteQualified(statement.schema, statement.name)};`;
}

/** `ALTER TYPE "a" RENAME TO "b";` */
export function renderRenameEnum(statement: RenameEnumStatement): string {
  return `ALTER TYPE ${quoteQualified(statement.schema, statement.name)} RENAME TO ${quoteIdent(statement.newName)};`;
}

/** `ALTER TYPE "status" ADD VALUE 'x' [BEFORE 'y' | AFTER 'y'];` */
export function renderAddEnumValue(statement: AddEnumValueStatement): string {
  const position =
    statement.before !== undefined
      ? ` BEFORE ${quotePostgresLiteral(statement.before)}`
      : statement.after !== undefined
        ? ` AFTER ${quotePostgresLiteral(statement.after)}`
        : '';
  return `ALTER TYPE ${quoteQualified(statement.schema, statement.type)} ADD VALUE ${quotePostgresLiteral(statement.value)}${position};`;
}

/** `ALTER TYPE "status" RENAME VALUE 'a' TO 'b';` */
export function renderRenameEnumValue(statement: RenameEnumValueStatement): string {
  return `ALTER TYPE ${quoteQualified(statement.schema, statement.type)} RENAME VALUE ${quotePostgresLiteral(statement.value)} TO ${quotePostgresLiteral(statement.newValue)};`;
}
