/**
 * `@schema-builder/schema-model/sql-expression`: SQL expressions in a design (checks, generated
 * columns, index keys and predicates, view bodies), written in PostgreSQL's syntax, checked by
 * PostgreSQL's real parser and written out for each dialect. Safe in a browser (WebAssembly).
 */
export {
  checkSqlExpression,
  SQL_EXPRESSION_PROBLEM_CODES,
  type SqlExpressionKind,
  type SqlExpressionProblem,
  type SqlExpressionProblemCode,
  type SqlExpressionResult,
} from './check.ts';
export { queryMeaning, sameQuery } from './compare-query.ts';
export { loadSqlParser } from './parser.ts';
export { columnsReferenced, type RelationReference, relationsReferenced } from './references.ts';
export { type RenderedSqlExpression, renderSqlExpression } from './render.ts';
export { renderSqlQuery } from './render-query.ts';
export { sameSqlExpression } from './same.ts';
