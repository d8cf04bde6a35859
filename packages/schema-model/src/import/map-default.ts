import type { ArrayElement } from '../design/array-default.ts';
import { arrayDefaultElements, renderPostgresArrayLiteral } from '../design/array-default.ts';
import { BINARY_TYPES } from '../design/data-types.ts';
import type { DefaultEnum, DefaultTarget } from '../validation/defaults.ts';
import { checkDefault } from '../validation/defaults.ts';
import type { ParsedDefault } from './parse-default.ts';
import { parseDefault } from './parse-default.ts';
import type { ImportDialect } from './type-mapping.ts';

/** What a column's default becomes in the design. */
export type MappedDefault =
  | { kind: 'none' }
  /** `rewrittenFrom`: the database's own spelling of an equivalent expression. */
  | { kind: 'value'; value: string | number | boolean | ArrayElement[]; rewrittenFrom?: string }
  /**
   * `nextval` of the column's own sequence: a serial column. `adopted`: a sequence the column
   * does not own but is the only user of, which behaves the same (pg_dump often leaves them so).
   */
  | { kind: 'autoIncrement'; adopted?: string }
  | { kind: 'dropped'; reason: string };

export interface DefaultContext {
  dialect: ImportDialect;
  /** The column's design type. */
  type: DefaultTarget;
  enumType?: DefaultEnum;
  /** PostgreSQL: the sequence the column owns (see `IntrospectedColumn.ownedSequence`). */
  ownedSequence?: string;
  /** PostgreSQL: whether no other column uses or owns this sequence (as `nextval` names it). */
  soleUserOf?: (sequence: string) => boolean;
}

const TRUE_WORDS = new Set(['t', 'true', 'y', 'yes', 'on', '1']);
const FALSE_WORDS = new Set(['f', 'false', 'n', 'no', 'off', '0']);

/**
 * The design default of a column whose database default is `text`: literals become literals
 * (checked against the design type exactly as validation will check them), the closed set of
 * expressions stays, a serial's `nextval` becomes auto-increment, and everything else is
 * dropped with the reason.
 */
export function mapDefault(text: string | null, context: DefaultContext): MappedDefault {
  if (text === null || text.trim() === '') return { kind: 'none' };
  const parsed = parseDefault(text, context.dialect);
  if (parsed.kind === 'null') return { kind: 'none' };
  if (parsed.kind === 'sequence') {
    if (parsed.sequence === context.ownedSequence) return { kind: 'autoIncrement' };
    if (context.soleUserOf?.(parsed.sequence)) return { kind: 'autoIncrement', adopted: parsed.sequence };
    return {
      kind: 'dropped',
      reason: `it takes values from the sequence ${parsed.sequence}, which other columns use too`,
    };
  }
  if (parsed.kind === 'other') {
    return {
      kind: 'dropped',
      reason: `${parsed.text} is an expression; a design default is a literal or one of now(), CURRENT_TIMESTAMP, CURRENT_DATE, gen_random_uuid()`,
    };
  }
  if (context.dialect === 'mysql' && parsed.kind === 'string' && BINARY_TYPES.has(context.type.dataType)) {
    // information_schema shows a binary default as text, its unprintable bytes lost (X'0102' is '').
    return {
      kind: 'dropped',
      reason: 'MySQL reports a binary default as text, which does not keep its bytes',
    };
  }
  const candidate = literalFor(parsed, context.type.dataType);
  if (candidate === undefined) {
    return { kind: 'dropped', reason: `${text.trim()} does not fit a ${context.type.dataType} column` };
  }
  const problem = checkDefault(context.type, candidate, context.enumType);
  if (problem) return { kind: 'dropped', reason: problem };
  if (context.type.array === true) {
    // `'{a,b}'::text[]`: the design writes an array default as a JSON array of its elements.
    const elements = arrayDefaultElements(candidate, context.type.dataType);
    if (elements === undefined) return { kind: 'dropped', reason: `${text.trim()} is not an array` };
    return { kind: 'value', value: elements };
  }
  if (parsed.kind === 'expression' && parsed.rewrittenFrom !== undefined) {
    return { kind: 'value', value: candidate, rewrittenFrom: parsed.rewrittenFrom };
  }
  return { kind: 'value', value: candidate };
}

/** The document value for a parsed literal, read the way the column's design type needs it. */
function literalFor(
  parsed: Exclude<ParsedDefault, { kind: 'null' | 'sequence' | 'other' }>,
  dataType: DefaultTarget['dataType'],
): string | number | boolean | undefined {
  switch (parsed.kind) {
    case 'expression':
      return parsed.expression;
    case 'boolean':
      return parsed.value;
    case 'number':
      // MySQL and SQLite booleans are the integers 0 and 1.
      if (dataType === 'BOOLEAN') return truthWord(parsed.text);
      return String(Number(parsed.text)) === parsed.text ? Number(parsed.text) : parsed.text;
    case 'string':
      if (dataType === 'BOOLEAN') return truthWord(parsed.value);
      if (dataType === 'MONEY') return moneyAmount(parsed.value);
      return parsed.value;
    case 'bits':
      if (dataType === 'BOOLEAN') return truthWord(String(Number.parseInt(parsed.value || '0', 2)));
      return undefined;
    case 'hex':
      return BINARY_TYPES.has(dataType) ? `\\x${parsed.value}` : undefined;
    case 'array':
      // As an array literal, which an array column's default reads (`arrayDefaultElements`).
      return renderPostgresArrayLiteral(parsed.elements);
  }
}

/**
 * A money constant as PostgreSQL writes it under lc_monetary C or en_US (`'$1,234.50'::money`,
 * `'-$0.50'`): the amount. Other locales' spellings stay as written, and validation reports them.
 */
function moneyAmount(text: string): string | number {
  const match = /^(-?)\$([\d,]+(?:\.\d+)?)$/.exec(text.trim());
  if (!match) return text;
  const amount = `${match[1] ?? ''}${(match[2] ?? '').replaceAll(',', '')}`;
  return String(Number(amount)) === amount ? Number(amount) : amount;
}

function truthWord(text: string): boolean | undefined {
  const lower = text.trim().toLowerCase();
  if (TRUE_WORDS.has(lower)) return true;
  if (FALSE_WORDS.has(lower)) return false;
  return undefined;
}
