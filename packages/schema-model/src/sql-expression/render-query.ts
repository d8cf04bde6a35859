import { type QuoteDialect, quoteIdentFor } from '../sql/quote.ts';
import { checkSqlExpression } from './check.ts';
import type { AstNode } from './parser.ts';
import { NotPortable, PortableWriter, type RenderedSqlExpression } from './render.ts';
import { fieldsOf, kindOf, stringsOf } from './tree.ts';

/**
 * A view's SELECT (PostgreSQL syntax, accepted by `checkSqlExpression(text, 'query')`) for a
 * dialect. PostgreSQL gets the text as written. MySQL and SQLite get it rewritten from the parse
 * tree for a subset whose meaning is the same there: a SELECT list of columns, `*` and the
 * expressions `renderSqlExpression` writes, COUNT/SUM/MIN/MAX, FROM and JOIN of the design's
 * tables and views (and subqueries with an alias), WHERE, GROUP BY, HAVING, ORDER BY (NULLs
 * placed as PostgreSQL places them), LIMIT/OFFSET, DISTINCT, UNION [ALL], IN/EXISTS/scalar
 * subqueries. An unnamed computed column is named as PostgreSQL names it, so the view's columns
 * are the same. Anything else is refused rather than guessed.
 */
export function renderSqlQuery(text: string, dialect: QuoteDialect): RenderedSqlExpression {
  const checked = checkSqlExpression(text, 'query');
  if (!checked.ok) return { refused: checked.problem.message };
  if (dialect === 'postgresql') return { sql: text.trim() };
  try {
    return { sql: new QueryWriter(dialect).select(checked.node) };
  } catch (error) {
    if (error instanceof NotPortable) return { refused: error.message };
    throw error;
  }
}

/** Aggregates whose result is the same value in the three engines. AVG is not: its type and rounding differ. */
const AGGREGATES: Readonly<Record<string, string>> = { count: 'COUNT', sum: 'SUM', min: 'MIN', max: 'MAX' };
const JOINS: Readonly<Record<string, string>> = {
  JOIN_INNER: 'JOIN',
  JOIN_LEFT: 'LEFT JOIN',
  JOIN_RIGHT: 'RIGHT JOIN',
  JOIN_FULL: 'FULL JOIN',
};
/** SelectStmt fields the writer understands; any other one present is refused. */
const SELECT_FIELDS = new Set([
  'targetList',
  'fromClause',
  'whereClause',
  'groupClause',
  'groupDistinct',
  'havingClause',
  'sortClause',
  'limitCount',
  'limitOffset',
  'limitOption',
  'distinctClause',
  'op',
  'all',
  'larg',
  'rarg',
]);

class QueryWriter extends PortableWriter {
  override write(node: AstNode): string {
    if (kindOf(node) === 'SubLink') return this.subLink(fieldsOf(node));
    return super.write(node);
  }

  /** A SelectStmt's fields (the node `checkSqlExpression` returns, or a subquery's). */
  select(fields: AstNode): string {
    const unknown = Object.keys(fields).find((field) => !SELECT_FIELDS.has(field));
    if (unknown !== undefined)
      throw new NotPortable(`${clauseName(unknown)} has no same-meaning form in ${this.name()}`);
    if (fields.groupDistinct) throw new NotPortable(`GROUP BY DISTINCT has no form in ${this.name()}`);
    if (fields.limitOption === 'LIMIT_OPTION_WITH_TIES')
      throw new NotPortable(`FETCH … WITH TIES has no form in ${this.name()}`);
    const body =
      fields.op === undefined || fields.op === 'SETOP_NONE'
        ? this.simpleSelect(fields)
        : this.setOperation(fields);
    return body + this.orderBy(fields.sortClause) + this.limit(fields);
  }

  private setOperation(fields: AstNode): string {
    if (fields.op !== 'SETOP_UNION')
      throw new NotPortable(`${String(fields.op).replace('SETOP_', '')} is not rewritten for ${this.name()}`);
    const side = (node: unknown): string => {
      const inner = node as AstNode;
      if (inner.sortClause || inner.limitCount || inner.limitOffset)
        throw new NotPortable(
          `a UNION branch with its own ORDER BY or LIMIT is not rewritten for ${this.name()}`,
        );
      return this.select(inner);
    };
    return `${side(fields.larg)} UNION ${fields.all ? 'ALL ' : ''}${side(fields.rarg)}`;
  }

  private simpleSelect(fields: AstNode): string {
    let sql = 'SELECT ';
    if (Array.isArray(fields.distinctClause)) {
      const plain = fields.distinctClause.every((item) => Object.keys(item as object).length === 0);
      if (!plain) throw new NotPortable(`DISTINCT ON has no form in ${this.name()}`);
      sql += 'DISTINCT ';
    }
    const targets = Array.isArray(fields.targetList) ? fields.targetList : [];
    sql += targets.map((target: AstNode) => this.target(fieldsOf(target))).join(', ');
    const from = Array.isArray(fields.fromClause) ? fields.fromClause : [];
    if (from.length > 0) sql += ` FROM ${from.map((item: AstNode) => this.fromItem(item)).join(', ')}`;
    if (fields.whereClause) sql += ` WHERE ${this.write(fields.whereClause as AstNode)}`;
    const groups = Array.isArray(fields.groupClause) ? fields.groupClause : [];
    if (groups.length > 0)
      sql += ` GROUP BY ${groups.map((group: AstNode) => this.groupKey(group)).join(', ')}`;
    if (fields.havingClause) sql += ` HAVING ${this.write(fields.havingClause as AstNode)}`;
    return sql;
  }

  /** A SELECT list entry; a computed one without a name gets the name PostgreSQL gives it. */
  private target(fields: AstNode): string {
    const value = this.required(fields.val as AstNode | undefined);
    if (typeof fields.name === 'string') return `${value} AS ${this.quote(fields.name)}`;
    const node = fields.val as AstNode;
    if (kindOf(node) === 'ColumnRef') return value;
    return `${value} AS ${this.quote(postgresColumnName(node))}`;
  }

  private groupKey(node: AstNode): string {
    if (kindOf(node) === 'GroupingSet')
      throw new NotPortable(`GROUPING SETS, ROLLUP and CUBE are not rewritten for ${this.name()}`);
    return this.write(node);
  }

  /**
   * PostgreSQL puts NULLs last in ascending order and first in descending order; MySQL and SQLite
   * the other way round. Each key is preceded by `(key IS NULL)` so NULLs land where PostgreSQL
   * puts them. A position (`ORDER BY 1`) cannot be wrapped so, and is refused.
   */
  private orderBy(clause: unknown): string {
    if (!Array.isArray(clause) || clause.length === 0) return '';
    const keys = clause.map((item: AstNode) => {
      const sort = fieldsOf(item);
      const node = sort.node as AstNode;
      if (kindOf(node) === 'A_Const')
        throw new NotPortable(
          `ORDER BY a column position is not rewritten for ${this.name()}: name the column`,
        );
      if (sort.useOp) throw new NotPortable(`ORDER BY … USING has no form in ${this.name()}`);
      const descending = sort.sortby_dir === 'SORTBY_DESC';
      const nullsLast =
        sort.sortby_nulls === 'SORTBY_NULLS_LAST' ||
        (sort.sortby_nulls !== 'SORTBY_NULLS_FIRST' && !descending);
      const key = this.write(node);
      return `(${key} IS NULL) ${nullsLast ? 'ASC' : 'DESC'}, ${key} ${descending ? 'DESC' : 'ASC'}`;
    });
    return ` ORDER BY ${keys.join(', ')}`;
  }

  private limit(fields: AstNode): string {
    const count = fields.limitCount as AstNode | undefined;
    const offset = fields.limitOffset as AstNode | undefined;
    if (!count && !offset) return '';
    const integer = (node: AstNode): string => {
      const ival = (fieldsOf(node).ival as AstNode | undefined)?.ival;
      if (kindOf(node) !== 'A_Const' || (ival !== undefined && typeof ival !== 'number'))
        throw new NotPortable(`LIMIT and OFFSET must be whole numbers to be rewritten for ${this.name()}`);
      if (fieldsOf(node).isnull) throw new NotPortable(`LIMIT NULL is not rewritten for ${this.name()}`);
      return String(ival ?? 0);
    };
    // MySQL has no OFFSET without LIMIT: the largest count stands for "all" (as its manual says).
    const limitText = count ? integer(count) : this.dialect === 'mysql' ? '18446744073709551615' : '-1';
    return ` LIMIT ${limitText}${offset ? ` OFFSET ${integer(offset)}` : ''}`;
  }

  private fromItem(node: AstNode): string {
    const fields = fieldsOf(node);
    switch (kindOf(node)) {
      case 'RangeVar':
        return this.relation(fields);
      case 'JoinExpr':
        return this.join(fields);
      case 'RangeSubselect': {
        if (fields.lateral) throw new NotPortable(`LATERAL is not rewritten for ${this.name()}`);
        const alias = this.alias(fields.alias);
        if (!alias) throw new NotPortable(`a subquery in FROM needs an alias in ${this.name()}`);
        return `(${this.select(fieldsOf(fields.subquery as AstNode))})${alias}`;
      }
      default:
        throw new NotPortable(
          `${kindOf(node) === 'RangeFunction' ? 'a function in FROM' : `this FROM item (${kindOf(node)})`} has no same-meaning form in ${this.name()}`,
        );
    }
  }

  private relation(fields: AstNode): string {
    const schema = fields.schemaname;
    if (typeof schema === 'string' && schema !== 'public')
      throw new NotPortable(
        `${schema}.${String(fields.relname)} is PostgreSQL's own and does not exist in ${this.name()}`,
      );
    return `${this.quote(String(fields.relname))}${this.alias(fields.alias)}`;
  }

  private alias(value: unknown): string {
    if (!value) return '';
    const alias = (value as AstNode).Alias ? fieldsOf(value as AstNode) : (value as AstNode);
    if (alias.colnames)
      throw new NotPortable(`an alias renaming columns is not rewritten for ${this.name()}`);
    return ` AS ${this.quote(String(alias.aliasname))}`;
  }

  private join(fields: AstNode): string {
    const type = JOINS[String(fields.jointype)];
    if (!type || (type === 'FULL JOIN' && this.dialect === 'mysql'))
      throw new NotPortable(`${type ?? String(fields.jointype)} has no form in ${this.name()}`);
    if (fields.alias || fields.join_using_alias)
      throw new NotPortable(`an alias on a JOIN is not rewritten for ${this.name()}`);
    const left = this.fromItem(fields.larg as AstNode);
    const right = this.fromItem(fields.rarg as AstNode);
    if (fields.isNatural) return `(${left} NATURAL ${type} ${right})`;
    const using = stringsOf(fields.usingClause);
    if (using.length > 0)
      return `(${left} ${type} ${right} USING (${using.map((c) => this.quote(c)).join(', ')}))`;
    if (!fields.quals) return `(${left} CROSS JOIN ${right})`;
    return `(${left} ${type} ${right} ON ${this.write(fields.quals as AstNode)})`;
  }

  private subLink(fields: AstNode): string {
    const query = `(${this.select(fieldsOf(fields.subselect as AstNode))})`;
    switch (fields.subLinkType) {
      case 'EXISTS_SUBLINK':
        return `(EXISTS ${query})`;
      case 'EXPR_SUBLINK':
        return query;
      case 'ANY_SUBLINK': {
        const op = stringsOf(fields.operName);
        if (op.length === 0 || (op.length === 1 && op[0] === '='))
          return `(${this.required(fields.testexpr as AstNode | undefined)} IN ${query})`;
        break;
      }
      default:
        break;
    }
    throw new NotPortable(
      `this subquery (${String(fields.subLinkType)}) has no same-meaning form in ${this.name()}`,
    );
  }

  /** `t.c`, `c`, `*`, `t.*`. */
  protected override columnRef(fields: AstNode): string {
    const parts = Array.isArray(fields.fields) ? (fields.fields as AstNode[]) : [];
    const written = parts.map((part) =>
      kindOf(part) === 'A_Star' ? '*' : this.quote(stringsOf([part])[0] ?? ''),
    );
    if (written.length === 0 || written.length > 2)
      throw new NotPortable('a column must be named by itself or by its table');
    return written.join('.');
  }

  protected override functionCall(fields: AstNode): string {
    const names = stringsOf(fields.funcname);
    const aggregate =
      names.length === 1 || names[0] === 'pg_catalog' ? AGGREGATES[names.at(-1) ?? ''] : undefined;
    if (!aggregate) return super.functionCall(fields);
    if (fields.over || fields.agg_filter || fields.agg_order || fields.agg_within_group)
      throw new NotPortable(`${aggregate} with OVER, FILTER or ORDER BY is not rewritten for ${this.name()}`);
    if (fields.agg_star) return `${aggregate}(*)`;
    const args = this.list(fields.args);
    if (args.length !== 1) throw new NotPortable(`${aggregate} takes one argument`);
    return `${aggregate}(${fields.agg_distinct ? 'DISTINCT ' : ''}${args[0]})`;
  }

  private quote(name: string): string {
    return quoteIdentFor(this.dialect, name);
  }
}

/** The name PostgreSQL gives an unnamed SELECT list entry (its FigureColname, for what the writer accepts). */
export function postgresColumnName(node: AstNode): string {
  const fields = fieldsOf(node);
  switch (kindOf(node)) {
    case 'ColumnRef':
      return stringsOf(fields.fields).at(-1) ?? '?column?';
    case 'FuncCall':
      return stringsOf(fields.funcname).at(-1) ?? '?column?';
    case 'TypeCast': {
      const inner = postgresColumnName(fields.arg as AstNode);
      const type = fields.typeName as AstNode | undefined;
      return inner !== '?column?' ? inner : (stringsOf(type?.names).at(-1) ?? '?column?');
    }
    case 'CaseExpr':
      return 'case';
    case 'CoalesceExpr':
      return 'coalesce';
    case 'A_Expr':
      return fields.kind === 'AEXPR_NULLIF' ? 'nullif' : '?column?';
    case 'SubLink': {
      if (fields.subLinkType === 'EXISTS_SUBLINK') return 'exists';
      if (fields.subLinkType !== 'EXPR_SUBLINK') return '?column?';
      const first = (fieldsOf(fields.subselect as AstNode).targetList as AstNode[] | undefined)?.[0];
      const target = first ? fieldsOf(first) : {};
      if (typeof target.name === 'string') return target.name;
      return target.val ? postgresColumnName(target.val as AstNode) : '?column?';
    }
    default:
      return '?column?';
  }
}

function clauseName(field: string): string {
  switch (field) {
    case 'withClause':
      return 'WITH';
    case 'windowClause':
      return 'WINDOW';
    case 'valuesLists':
      return 'VALUES';
    default:
      return field;
  }
}
