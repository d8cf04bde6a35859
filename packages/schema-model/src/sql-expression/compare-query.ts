import { checkSqlExpression } from './check.ts';
import type { AstNode } from './parser.ts';
import { postgresColumnName } from './render-query.ts';
import { fieldsOf, kindOf } from './tree.ts';

/**
 * Whether two SELECTs are the same query, as PostgreSQL's parser reads them: the design's text
 * and the text PostgreSQL gives back for the view it made of it (`pg_get_viewdef`), which is
 * written anew. Compared as parse trees, without what that rewriting changes and the meaning
 * does not: positions in the text, the table qualifying a column (`orders.id` for `id`), casts
 * it adds to literals (`'paid'::text`) and to text types (`(status)::text`, arrays of text too), `IN (…)` written as `= ANY (ARRAY[…])`, and a column
 * alias that repeats the column's own name. False when either does not parse as one SELECT.
 */
export function sameQuery(a: string, b: string): boolean {
  const left = queryMeaning(a);
  return left !== undefined && left === queryMeaning(b);
}

/**
 * A SELECT's meaning as text, for comparing queries that engines wrote back their own way (the
 * normalization of `sameQuery`, and an ORDER BY key's `(key IS NULL)` companion, which the MySQL
 * and SQLite rewrite adds to sort NULLs as PostgreSQL does, left out). Undefined when the text is
 * not one SELECT.
 */
export function queryMeaning(text: string): string | undefined {
  const checked = checkSqlExpression(text.trim().replace(/;\s*$/, ''), 'query');
  return checked.ok ? JSON.stringify(normalize(checked.node)) : undefined;
}

function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalize);
  if (typeof value !== 'object' || value === null) return value;
  const node = value as AstNode;
  const kind = kindOf(node);
  const fields = fieldsOf(node);
  if (kind === 'TypeCast' && (kindOf(fields.arg as AstNode) === 'A_Const' || textCast(fields)))
    return normalize(fields.arg);
  if (kind === 'ColumnRef' && Array.isArray(fields.fields) && fields.fields.length === 2)
    return normalize({ ColumnRef: { ...fields, fields: fields.fields.slice(1) } });
  if (kind === 'A_Expr' && fields.kind === 'AEXPR_OP_ANY') {
    const array =
      kindOf(fields.rexpr as AstNode) === 'TypeCast' ? fieldsOf(fields.rexpr as AstNode).arg : fields.rexpr;
    if (kindOf(array as AstNode) === 'A_ArrayExpr')
      return normalize({
        A_Expr: {
          kind: 'AEXPR_IN',
          name: fields.name,
          lexpr: fields.lexpr,
          rexpr: { List: { items: fieldsOf(array as AstNode).elements } },
        },
      });
  }
  if (kind === 'A_Expr' && fields.kind === 'AEXPR_IN' && Array.isArray(fields.rexpr))
    return normalize({ A_Expr: { ...fields, rexpr: { List: { items: fields.rexpr } } } });
  // The name PostgreSQL would give the column anyway, written out by it.
  if (
    kind === 'ResTarget' &&
    typeof fields.name === 'string' &&
    fields.val &&
    fields.name === postgresColumnName(fields.val as AstNode)
  ) {
    const { name: _, ...rest } = fields;
    return normalize({ ResTarget: rest });
  }
  // Only the first branch of a UNION names the columns; PostgreSQL names the others' too.
  const setOperation =
    kind === undefined && typeof node.op === 'string' && node.op !== 'SETOP_NONE' && node.rarg;
  const current = setOperation ? { ...node, rarg: unnamed(node.rarg as AstNode) } : node;
  // ASC is the default direction: written or not, the same order.
  if (kind === 'SortBy' && fields.sortby_dir === 'SORTBY_ASC')
    return normalize({ SortBy: { ...fields, sortby_dir: 'SORTBY_DEFAULT' } });
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(current))
    if (key !== 'location') out[key] = normalize(key === 'sortClause' ? withoutNullCompanions(inner) : inner);
  return out;
}

/** PostgreSQL casts varchar columns to text to compare them; a cast to a text type changes no comparison. */
const TEXT_TYPES = new Set(['text', 'varchar', 'bpchar', 'character varying']);

function textCast(fields: AstNode): boolean {
  const names = (fieldsOf({ TypeName: fields.typeName } as AstNode).names ?? []) as AstNode[];
  const type = (names.at(-1)?.String as AstNode | undefined)?.sval;
  return typeof type === 'string' && TEXT_TYPES.has(type);
}

function unnamed(select: AstNode): AstNode {
  const targets = Array.isArray(select.targetList) ? select.targetList : [];
  const stripped = targets.map((target: AstNode) => {
    const { name: _, ...rest } = fieldsOf(target);
    return { ResTarget: rest };
  });
  return { ...select, targetList: stripped };
}

/** ORDER BY keys without a `(key IS NULL)` key placed right before the same key. */
function withoutNullCompanions(clause: unknown): unknown {
  if (!Array.isArray(clause)) return clause;
  const key = (item: unknown) => JSON.stringify(normalize(fieldsOf(item as AstNode).node));
  return clause.filter((item: AstNode, i) => {
    const node = fieldsOf(item).node as AstNode | undefined;
    if (!node || kindOf(node) !== 'NullTest' || fieldsOf(node).nulltesttype !== 'IS_NULL') return true;
    const next = clause[i + 1];
    return next === undefined || JSON.stringify(normalize(fieldsOf(node).arg)) !== key(next);
  });
}
