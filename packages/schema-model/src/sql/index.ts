/**
 * `@schema-builder/schema-model/sql`: the one quoting function for identifiers that reach SQL,
 * and PostgreSQL's for a literal that must be inlined (DDL takes no parameters).
 */
export { quoteIdent, quotePostgresLiteral, quoteQualified } from './quote.ts';
