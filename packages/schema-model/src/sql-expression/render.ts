import { type QuoteDialect, quoteIdentFor, quoteLiteralFor } from '../sql/quote.ts';
import { checkSqlExpression } from './check.ts';
import type { AstNode } from './parser.ts';
import { fieldsOf, kindOf, stringsOf } from './tree.ts';

/** An expression written for `dialect`, or why that dialect cannot have it (in words). */
export type RenderedSqlExpression = { sql: string } | { refused: string };

/**
 * A design's expression (PostgreSQL syntax, already accepted by `checkSqlExpression`) for a
 * dialect. PostgreSQL gets the text as written. MySQL and SQLite get it rewritten from the parse
 * tree when every part has a same-meaning form there (comparisons, arithmetic, AND/OR/NOT, IN,
 * BETWEEN, LIKE, IS NULL, string concatenation, a few portable functions, casts between text
 * types); anything else is refused rather than guessed, and the caller reports it.
 */
export function renderSqlExpression(text: string, dialect: QuoteDialect): RenderedSqlExpression {
  const checked = checkSqlExpression(text, 'expression');
  if (!checked.ok) return { refused: checked.problem.message };
  if (dialect === 'postgresql') return { sql: text.trim() };
  try {
    return { sql: new PortableWriter(dialect).write(checked.node) };
  } catch (error) {
    if (error instanceof NotPortable) return { refused: error.message };
    throw error;
  }
}

/** Thrown by a writer for a part with no same-meaning form; its message says which. */
export class NotPortable extends Error {}

const COMPARISONS = new Set(['=', '<>', '!=', '<', '>', '<=', '>=']);
const ARITHMETIC = new Set(['+', '-', '*', '/', '%']);
/** Functions with the same meaning in all three engines (length counts characters everywhere). */
const PORTABLE_FUNCTIONS: Readonly<Record<string, Readonly<Record<'mysql' | 'sqlite', string>>>> = {
  lower: { mysql: 'LOWER', sqlite: 'lower' },
  upper: { mysql: 'UPPER', sqlite: 'upper' },
  length: { mysql: 'CHAR_LENGTH', sqlite: 'length' },
  char_length: { mysql: 'CHAR_LENGTH', sqlite: 'length' },
  character_length: { mysql: 'CHAR_LENGTH', sqlite: 'length' },
  abs: { mysql: 'ABS', sqlite: 'abs' },
  btrim: { mysql: 'TRIM', sqlite: 'trim' },
};
/** How PostgreSQL's parse tree names the operators it spells with words. */
const OPERATOR_NAMES: Readonly<Record<string, string>> = {
  '~~': 'LIKE',
  '!~~': 'NOT LIKE',
  '~~*': 'ILIKE',
  '!~~*': 'NOT ILIKE',
};
/** Casts that change nothing a MySQL or SQLite comparison would see: between text types. */
const TEXT_TYPES = new Set(['text', 'varchar', 'bpchar', 'char', 'character varying', 'name', 'citext']);

/**
 * Writes an expression's parse tree for MySQL or SQLite, or throws NotPortable. The query writer
 * (`render-query.ts`) extends it: the protected parts are what it builds on.
 */
export class PortableWriter {
  constructor(protected readonly dialect: 'mysql' | 'sqlite') {}

  write(node: AstNode): string {
    const kind = kindOf(node);
    const fields = fieldsOf(node);
    switch (kind) {
      case 'A_Const':
        return this.constant(fields);
      case 'ColumnRef':
        return this.columnRef(fields);
      case 'A_Expr':
        return this.operator(fields);
      case 'BoolExpr':
        return this.boolean(fields);
      case 'NullTest':
        return `(${this.write(fields.arg as AstNode)} ${fields.nulltesttype === 'IS_NULL' ? 'IS NULL' : 'IS NOT NULL'})`;
      case 'CoalesceExpr':
        return `COALESCE(${this.list(fields.args).join(', ')})`;
      case 'FuncCall':
        return this.functionCall(fields);
      case 'TypeCast':
        return this.cast(fields);
      case 'CaseExpr':
        return this.caseExpression(fields);
      default:
        throw new NotPortable(`${describe(kind)} has no same-meaning form in ${this.name()}`);
    }
  }

  protected name(): string {
    return this.dialect === 'mysql' ? 'MySQL' : 'SQLite';
  }

  /** An array of nodes, or a `List` node's items (IN and BETWEEN operands). */
  protected list(value: unknown): string[] {
    const listed =
      value && typeof value === 'object' && 'List' in value ? fieldsOf(value as AstNode).items : value;
    return Array.isArray(listed) ? listed.map((item: AstNode) => this.write(item)) : [];
  }

  private constant(fields: AstNode): string {
    if (fields.isnull === true) return 'NULL';
    const ival = fields.ival as AstNode | undefined;
    if (ival) return String(typeof ival.ival === 'number' ? ival.ival : 0);
    const fval = (fields.fval as AstNode | undefined)?.fval;
    if (typeof fval === 'string') return fval;
    const boolval = fields.boolval as AstNode | undefined;
    if (boolval) return boolval.boolval === true ? 'TRUE' : 'FALSE';
    const sval = (fields.sval as AstNode | undefined)?.sval;
    if (typeof sval === 'string' || fields.sval)
      return quoteLiteralFor(this.dialect, typeof sval === 'string' ? sval : '');
    throw new NotPortable(`this constant has no same-meaning form in ${this.name()}`);
  }

  protected columnRef(fields: AstNode): string {
    const names = stringsOf(fields.fields);
    const column = names.at(-1);
    if (names.length !== 1 || column === undefined) {
      throw new NotPortable('a column must be named by itself, not qualified by its table');
    }
    return quoteIdentFor(this.dialect, column);
  }

  private operator(fields: AstNode): string {
    const [op] = stringsOf(fields.name);
    const left = fields.lexpr as AstNode | undefined;
    const right = fields.rexpr as AstNode | undefined;
    switch (fields.kind) {
      case 'AEXPR_OP':
        return this.binary(op ?? '', left, right);
      case 'AEXPR_IN': {
        const values = this.list(right).join(', ');
        return `(${this.required(left)} ${op === '<>' ? 'NOT IN' : 'IN'} (${values}))`;
      }
      case 'AEXPR_OP_ANY':
        if (op === '=' && right) return `(${this.required(left)} IN (${this.arrayItems(right).join(', ')}))`;
        break;
      case 'AEXPR_NULLIF':
        return `NULLIF(${this.required(left)}, ${this.required(right)})`;
      case 'AEXPR_BETWEEN':
      case 'AEXPR_NOT_BETWEEN': {
        const [low, high] = this.list(right);
        const not = fields.kind === 'AEXPR_NOT_BETWEEN' ? 'NOT ' : '';
        return `(${this.required(left)} ${not}BETWEEN ${low} AND ${high})`;
      }
      default:
        // LIKE among them: case-sensitive in PostgreSQL, not under MySQL's usual collations nor
        // for ASCII in SQLite.
        break;
    }
    const shown = OPERATOR_NAMES[op ?? ''] ?? op ?? String(fields.kind);
    throw new NotPortable(`the operator ${shown} has no same-meaning form in ${this.name()}`);
  }

  private binary(op: string, left: AstNode | undefined, right: AstNode | undefined): string {
    if (!left && op === '-' && right) return `(-${this.write(right)})`;
    if (!left || !right)
      throw new NotPortable(`the operator ${op} has no same-meaning form in ${this.name()}`);
    const l = this.write(left);
    const r = this.write(right);
    if (COMPARISONS.has(op)) return `(${l} ${op === '!=' ? '<>' : op} ${r})`;
    if (ARITHMETIC.has(op)) {
      // Integer division truncates in PostgreSQL and SQLite; MySQL's / gives a decimal.
      if (op === '/' && this.dialect === 'mysql') {
        throw new NotPortable('division has another meaning in MySQL (it does not truncate integers)');
      }
      return `(${l} ${op} ${r})`;
    }
    if (op === '||') return this.dialect === 'mysql' ? `CONCAT(${l}, ${r})` : `(${l} || ${r})`;
    throw new NotPortable(`the operator ${op} has no same-meaning form in ${this.name()}`);
  }

  private arrayItems(node: AstNode): string[] {
    const inner = kindOf(node) === 'TypeCast' ? (fieldsOf(node).arg as AstNode) : node;
    if (kindOf(inner) !== 'A_ArrayExpr')
      throw new NotPortable(`= ANY of a non-literal array has no form in ${this.name()}`);
    return this.list(fieldsOf(inner).elements);
  }

  protected required(node: AstNode | undefined): string {
    if (!node) throw new NotPortable('an operand is missing');
    return this.write(node);
  }

  private boolean(fields: AstNode): string {
    const args = this.list(fields.args);
    if (fields.boolop === 'NOT_EXPR') return `(NOT ${args[0]})`;
    return `(${args.join(fields.boolop === 'AND_EXPR' ? ' AND ' : ' OR ')})`;
  }

  private caseExpression(fields: AstNode): string {
    const subject = fields.arg ? ` ${this.write(fields.arg as AstNode)}` : '';
    const whens = (Array.isArray(fields.args) ? fields.args : []).map((when: AstNode) => {
      const branch = fieldsOf(when);
      return ` WHEN ${this.required(branch.expr as AstNode)} THEN ${this.required(branch.result as AstNode)}`;
    });
    const otherwise = fields.defresult ? ` ELSE ${this.write(fields.defresult as AstNode)}` : '';
    return `(CASE${subject}${whens.join('')}${otherwise} END)`;
  }

  protected functionCall(fields: AstNode): string {
    const names = stringsOf(fields.funcname);
    const name = names.at(-1)?.toLowerCase() ?? '';
    const schema = names.length > 1 ? names[0] : 'pg_catalog';
    const mapped = schema === 'pg_catalog' ? PORTABLE_FUNCTIONS[name]?.[this.dialect] : undefined;
    if (!mapped || fields.agg_star || fields.over || fields.agg_distinct) {
      throw new NotPortable(`the function ${names.join('.')} has no same-meaning form in ${this.name()}`);
    }
    return `${mapped}(${this.list(fields.args).join(', ')})`;
  }

  private cast(fields: AstNode): string {
    const typeName = fields.typeName as AstNode | undefined;
    const type = stringsOf(typeName?.names).at(-1)?.toLowerCase() ?? '';
    const arg = fields.arg as AstNode;
    if (TEXT_TYPES.has(type) && !typeName?.arrayBounds) return this.write(arg);
    throw new NotPortable(`a cast to ${type} has no same-meaning form in ${this.name()}`);
  }
}

function describe(kind: string | undefined): string {
  switch (kind) {
    case 'SubLink':
      return 'a subquery';
    case 'ParamRef':
      return 'a parameter';
    default:
      return `this expression (${kind ?? 'unknown'})`;
  }
}
