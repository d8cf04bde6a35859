import { quoteIdent, quoteQualified } from '../../sql/quote.ts';
import { DdlGenerationError } from '../design-index.ts';
import type {
  AddPrimaryKeyStatement,
  AddTypeCheckStatement,
  AddUniqueStatement,
  DropConstraintStatement,
  RenameConstraintStatement,
} from '../statements-alter.ts';
import { renderTypeCheck, typeCheck } from '../type-checks.ts';
import { renderColumnList } from './render-table.ts';

/** `ALTER TABLE "t" ADD CONSTRAINT "t_pkey" PRIMARY KEY ("a", "b");` */
export function renderAddPrimaryKey(statement: AddPrimaryKeyStatement): string {
  return `ALTER TABLE ${quoteQualified(statement.schema, statement.table)} ADD CONSTRAINT ${quoteIdent(statement.name)} PRIMARY KEY (${renderColumnList(statement.columns)});`;
}

/** `ALTER TABLE "t" ADD CONSTRAINT "t_a_key" UNIQUE ("a");` */
export function renderAddUnique(statement: AddUniqueStatement): string {
  return `ALTER TABLE ${quoteQualified(statement.schema, statement.table)} ADD CONSTRAINT ${quoteIdent(statement.name)} UNIQUE (${renderColumnList(statement.columns)});`;
}

/** `ALTER TABLE "t" DROP CONSTRAINT "c";` Never CASCADE. */
export function renderDropConstraint(statement: DropConstraintStatement): string {
  return `ALTER TABLE ${quoteQualified(statement.schema, statement.table)} DROP CONSTRAINT ${quoteIdent(statement.name)};`;
}

/** `ALTER TABLE "t" ADD CONSTRAINT "t_c_check" CHECK (octet_length("c") <= 16);` */
export function renderAddTypeCheck(statement: AddTypeCheckStatement): string {
  const check = typeCheck(statement.type);
  if (check === undefined)
    throw new DdlGenerationError(`column ${statement.column}: its type needs no CHECK`);
  return `ALTER TABLE ${quoteQualified(statement.schema, statement.table)} ADD CONSTRAINT ${quoteIdent(statement.name)} CHECK (${renderTypeCheck(check, quoteIdent(statement.column), 'postgresql')});`;
}

/** `ALTER TABLE "t" RENAME CONSTRAINT "a" TO "b";` */
export function renderRenameConstraint(statement: RenameConstraintStatement): string {
  return `ALTER TABLE ${quoteQualified(statement.schema, statement.table)} RENAME CONSTRAINT ${quoteIdent(statement.name)} TO ${quoteIdent(statement.newName)};`;
}
