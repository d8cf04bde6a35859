import '#sql-parser-ready';
import { findForbiddenToken } from './lexical.ts';
import { type AstNode, parsePostgres } from './parser.ts';
import { kindOf, walk } from './tree.ts';

/** `expression`: one scalar expression (a CHECK, a generated column, an index key or predicate). `query`: one SELECT (a view). */
export type SqlExpressionKind = 'expression' | 'query';

export const SQL_EXPRESSION_PROBLEM_CODES = [
  'SQL_SYNTAX',
  'SQL_NOT_SINGLE',
  'SQL_COMMENT',
  'SQL_DOLLAR_QUOTE',
  'SQL_PARAMETER',
  'SQL_NOT_EXPRESSION',
  'SQL_NOT_QUERY',
] as const;
export type SqlExpressionProblemCode = (typeof SQL_EXPRESSION_PROBLEM_CODES)[number];

export interface SqlExpressionProblem {
  code: SqlExpressionProblemCode;
  message: string;
  /** 0-based offset into the text the problem is at (PostgreSQL reports its cursor 0-based too). */
  offset: number;
}

/** An accepted expression's parse tree: the expression node itself, or the SelectStmt of a query. */
export type SqlExpressionResult = { ok: true; node: AstNode } | { ok: false; problem: SqlExpressionProblem };

/*
 * An expression is parsed as `SELECT <text>` and accepted only when that is a SELECT of exactly
 * one unnamed target and nothing else: no FROM, no second target, no UNION. Together with the
 * lexical rules (no comment, no semicolon, no dollar quote) this means the text can be inlined
 * between parentheses in a statement and cannot end it or change what surrounds it.
 */
const EXPRESSION_PREFIX = 'SELECT ';
/** The only keys a bare `SELECT <expression>` has. */
const BARE_SELECT_KEYS = new Set(['targetList', 'limitOption', 'op']);
/** Statements a view's query may not contain (a data-modifying WITH). */
const WRITING_STATEMENTS = new Set(['InsertStmt', 'UpdateStmt', 'DeleteStmt', 'MergeStmt']);

const cache = new Map<string, SqlExpressionResult>();
const CACHE_LIMIT = 2000;

/** Checks `text` with PostgreSQL's real parser: one expression, or one SELECT, and nothing more. */
export function checkSqlExpression(text: string, kind: SqlExpressionKind): SqlExpressionResult {
  const key = `${kind}\u0000${text}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const result = kind === 'expression' ? checkExpression(text) : checkQuery(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, result);
  return result;
}

function refuse(code: SqlExpressionProblemCode, message: string, offset: number): SqlExpressionResult {
  return { ok: false, problem: { code, message, offset: Math.max(0, offset) } };
}

function lexicalAndEmpty(text: string): SqlExpressionResult | undefined {
  if (text.trim() === '') return refuse('SQL_SYNTAX', 'must not be empty', 0);
  const forbidden = findForbiddenToken(text);
  return forbidden && refuse(forbidden.code, forbidden.message, forbidden.offset);
}

function checkExpression(text: string): SqlExpressionResult {
  const early = lexicalAndEmpty(text);
  if (early) return early;
  const parsed = parsePostgres(EXPRESSION_PREFIX + text);
  if (!parsed.ok) return refuse('SQL_SYNTAX', parsed.message, parsed.offset - EXPRESSION_PREFIX.length);
  const [first, ...rest] = parsed.tree.stmts;
  if (!first || rest.length > 0) return refuse('SQL_NOT_SINGLE', 'must be one expression', 0);
  const select = first.stmt.SelectStmt as AstNode | undefined;
  const notOne = refuse('SQL_NOT_EXPRESSION', 'must be a single expression (no list, FROM or alias)', 0);
  if (!select || Object.keys(select).some((field) => !BARE_SELECT_KEYS.has(field))) return notOne;
  if (select.op !== 'SETOP_NONE') return notOne;
  const targets = select.targetList as readonly AstNode[] | undefined;
  const target = targets?.length === 1 ? (targets[0]?.ResTarget as AstNode | undefined) : undefined;
  if (!target || target.name !== undefined || !target.val) return notOne;
  const node = target.val as AstNode;
  if (kindOf(node) === 'ColumnRef' && walk(node).some((inner) => kindOf(inner) === 'A_Star')) return notOne;
  return { ok: true, node };
}

function checkQuery(text: string): SqlExpressionResult {
  const early = lexicalAndEmpty(text);
  if (early) return early;
  const parsed = parsePostgres(text);
  if (!parsed.ok) return refuse('SQL_SYNTAX', parsed.message, parsed.offset);
  const [first, ...rest] = parsed.tree.stmts;
  if (!first || rest.length > 0) return refuse('SQL_NOT_SINGLE', 'must be one SELECT statement', 0);
  const select = first.stmt.SelectStmt as AstNode | undefined;
  if (!select) return refuse('SQL_NOT_QUERY', 'must be a SELECT statement', 0);
  if (select.intoClause || select.lockingClause) {
    return refuse('SQL_NOT_QUERY', 'must be a plain SELECT (no INTO, no FOR UPDATE)', 0);
  }
  const writing = walk(select).find((node) => WRITING_STATEMENTS.has(kindOf(node) ?? ''));
  if (writing) return refuse('SQL_NOT_QUERY', 'must not change data (no INSERT, UPDATE or DELETE inside)', 0);
  return { ok: true, node: select };
}
