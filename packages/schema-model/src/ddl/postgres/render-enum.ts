import { quoteIdent, quoteLiteral } from '../../sql/quote.ts';
import type { CreateEnumStatement } from '../statements.ts';

/** `CREATE TYPE "status" AS ENUM ('a', 'b');` */
export function renderCreateEnum(statement: CreateEnumStatement): string {
  return `CREATE TYPE ${quoteIdent(statement.name)} AS ENUM (${statement.values.map(quoteLiteral).join(', ')});`;
}
