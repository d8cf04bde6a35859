import type { DefaultExpression } from '../design/defaults.ts';
import { castOperand, singleQuoted, stripOuterParentheses } from './sql-literals.ts';
import type { ImportDialect } from './type-mapping.ts';

/** What a default expression of the database means, before it is matched to the column's type. */
export type ParsedDefault =
  | { kind: 'null' }
  | { kind: 'string'; value: string }
  /** The number's text as written, so `0.00` stays `0.00`. */
  | { kind: 'number'; text: string }
  | { kind: 'boolean'; value: boolean }
  /** MySQL `b'101'` and SQLite `X'0A'`, as binary digits and as hex. */
  | { kind: 'bits'; value: string }
  | { kind: 'hex'; value: string }
  /** One of the design's expressions; `rewrittenFrom` when the database spelled it differently. */
  | { kind: 'expression'; expression: DefaultExpression; rewrittenFrom?: string }
  /** PostgreSQL `nextval('seq'::regclass)`, with the sequence as the regclass text. */
  | { kind: 'sequence'; sequence: string }
  /** PostgreSQL `ARRAY['a'::text, NULL]::text[]`: the elements' text, NULL as null. */
  | { kind: 'array'; elements: Array<string | null> }
  | { kind: 'other'; text: string };

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** Expressions every dialect spells alike (after lower-casing and removing spaces). */
const SAME_EXPRESSIONS: ReadonlyArray<[RegExp, DefaultExpression]> = [
  [/^now\(\)$/, 'now()'],
  [/^current_timestamp$/, 'CURRENT_TIMESTAMP'],
  [/^current_date$/, 'CURRENT_DATE'],
  [/^gen_random_uuid\(\)$/, 'gen_random_uuid()'],
];

/** Other spellings of the same thing, per dialect: imported as the design's spelling, with a note. */
const EQUIVALENTS: Readonly<Record<ImportDialect, ReadonlyArray<[RegExp, DefaultExpression]>>> = {
  postgresql: [
    [/^transaction_timestamp\(\)$/, 'now()'],
    [/^\('now'::text\)::date$/, 'CURRENT_DATE'],
    [/^\('now'::text\)::timestamp(?:\(\d\))?with(?:out)?timezone$/, 'now()'],
    [/^(?:[a-z_][a-z0-9_]*\.)?"?uuid_generate_v4"?\(\)$/, 'gen_random_uuid()'],
  ],
  mysql: [
    [/^current_timestamp\(\d?\)$/, 'CURRENT_TIMESTAMP'],
    [/^now\(\d\)$/, 'CURRENT_TIMESTAMP'],
    [/^localtimestamp(?:\(\d?\))?$/, 'CURRENT_TIMESTAMP'],
    [/^(?:curdate|current_date)\(\)$/, 'CURRENT_DATE'],
    [/^uuid\(\)$/, 'gen_random_uuid()'],
  ],
  sqlite: [
    [/^datetime\('now'\)$/, 'CURRENT_TIMESTAMP'],
    [/^date\('now'\)$/, 'CURRENT_DATE'],
  ],
  // MongoDB has no column defaults: its catalogs never carry one.
  mongodb: [],
};

/**
 * Reads a column default as the database states it (`'abc'::character varying`, `(-1)`,
 * `current_timestamp()`, `nextval('t_id_seq'::regclass)`, `'it''s'`) into what it means.
 * Anything that is not a literal, NULL, or a known expression is `other`.
 */
export function parseDefault(text: string, dialect: ImportDialect): ParsedDefault {
  const trimmed = text.trim();
  const compact = trimmed.toLowerCase().replace(/\s+/g, '');
  for (const [pattern, expression] of SAME_EXPRESSIONS) {
    if (pattern.test(compact)) return { kind: 'expression', expression };
  }
  for (const [pattern, expression] of EQUIVALENTS[dialect]) {
    if (pattern.test(compact)) return { kind: 'expression', expression, rewrittenFrom: trimmed };
  }
  if (dialect === 'postgresql') {
    const sequence = /^nextval\('((?:[^']|'')+)'::regclass\)$/i.exec(trimmed);
    if (sequence) return { kind: 'sequence', sequence: (sequence[1] ?? '').replaceAll("''", "'") };
  }
  const unwrapped = stripOuterParentheses(trimmed);
  if (unwrapped !== trimmed) return parseDefault(unwrapped, dialect);
  return parseLiteral(trimmed, dialect) ?? { kind: 'other', text: trimmed };
}

function parseLiteral(text: string, dialect: ImportDialect): ParsedDefault | undefined {
  if (dialect === 'postgresql' && /^array\s*\[/i.test(text)) return parseArrayConstructor(text);
  if (dialect === 'postgresql') {
    // `'x'::character varying`, `'-1'::integer`, `NULL::text`: the cast is to the column's own type.
    const operand = castOperand(text);
    if (operand !== undefined) {
      const inner = parseDefault(operand, dialect);
      return inner.kind === 'expression' || inner.kind === 'sequence' || inner.kind === 'other'
        ? undefined
        : inner;
    }
  }
  const lower = text.toLowerCase();
  if (lower === 'null') return { kind: 'null' };
  if (lower === 'true' || lower === 'false') return { kind: 'boolean', value: lower === 'true' };
  if (NUMBER.test(text)) return { kind: 'number', text: text.replace(/^\+/, '') };
  const value = singleQuoted(text, dialect === 'mysql');
  if (value !== undefined) return { kind: 'string', value };
  if (dialect === 'sqlite') {
    // SQLite takes a double-quoted default for a string when no column has that name.
    const doubled = singleQuoted(text, false, '"');
    if (doubled !== undefined) return { kind: 'string', value: doubled };
    const blob = /^x'([0-9a-f]*)'$/i.exec(text);
    if (blob) return { kind: 'hex', value: blob[1] ?? '' };
  }
  if (dialect === 'mysql') {
    const bits = /^b'([01]*)'$/i.exec(text);
    if (bits) return { kind: 'bits', value: bits[1] ?? '' };
    const hex = /^0x([0-9a-f]*)$/i.exec(text);
    if (hex) return { kind: 'hex', value: hex[1] ?? '' };
  }
  return undefined;
}

/**
 * `ARRAY[…]` with literal elements and optional casts (`ARRAY[]::character varying[]`,
 * `ARRAY['a'::text, 'b'::text]`), as PostgreSQL writes an array default built that way.
 */
function parseArrayConstructor(text: string): ParsedDefault | undefined {
  const open = text.indexOf('[');
  const parts: string[] = [];
  let depth = 0;
  let quote = false;
  let start = open + 1;
  let close = -1;
  for (let i = open + 1; i < text.length && close < 0; i++) {
    const char = text[i];
    if (quote) {
      if (char === "'") {
        if (text[i + 1] === "'") i++;
        else quote = false;
      }
    } else if (char === "'") quote = true;
    else if (char === '(' || char === '[') depth++;
    else if ((char === ')' || char === ']') && depth > 0) depth--;
    else if (char === ']') close = i;
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (close < 0) return undefined;
  const last = text.slice(start, close);
  if (parts.length > 0 || last.trim() !== '') parts.push(last);
  const rest = text.slice(close + 1).trim();
  // Whatever follows is a cast of the whole array, to the column's own type.
  if (rest !== '' && castOperand(`NULL${rest}`) === undefined) return undefined;
  const elements: Array<string | null> = [];
  for (const part of parts) {
    const element = parseDefault(part, 'postgresql');
    if (element.kind === 'null') elements.push(null);
    else if (element.kind === 'string') elements.push(element.value);
    else if (element.kind === 'number') elements.push(element.text);
    else if (element.kind === 'boolean') elements.push(String(element.value));
    else return undefined;
  }
  return { kind: 'array', elements };
}
