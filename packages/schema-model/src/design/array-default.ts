import type { DataType } from './data-types.ts';
import { DECIMAL_TYPES, FLOAT_TYPES, INTEGER_TYPES } from './data-types.ts';
import type { ColumnDefault } from './model.ts';

/**
 * Defaults of array columns. A design writes one as a JSON array (`[]`, `["a", "b"]`, `[1, 2]`)
 * or as PostgreSQL's array literal (`"{}"`, `"{a,b}"`); both mean the same elements. The model
 * holds the JSON array, which PostgreSQL gets back as an array literal and MySQL and SQLite as
 * JSON text. Arrays are one-dimensional: PostgreSQL does not enforce dimensions, and a nested
 * JSON array has no single reading there.
 */

/** One element of an array default: null is SQL NULL. */
export type ArrayElement = string | number | boolean | null;

/**
 * The elements of a one-dimensional PostgreSQL array literal (`{a,"b c",NULL}`) as text, NULL
 * as null; undefined when the text is not one (nested, unbalanced, or with a dimension prefix).
 */
export function parsePostgresArrayLiteral(text: string): Array<string | null> | undefined {
  const body = text.trim();
  if (!body.startsWith('{') || !body.endsWith('}')) return undefined;
  const inner = body.slice(1, -1);
  if (inner.trim() === '') return [];
  const out: Array<string | null> = [];
  let i = 0;
  while (i <= inner.length) {
    while (inner[i] === ' ') i++;
    if (inner[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const char = inner[i];
        if (char === undefined) return undefined;
        if (char === '\\') {
          const next = inner[i + 1];
          if (next === undefined) return undefined;
          value += next;
          i += 2;
        } else if (char === '"') {
          i++;
          break;
        } else {
          value += char;
          i++;
        }
      }
      while (inner[i] === ' ') i++;
      out.push(value);
    } else {
      let value = '';
      while (i < inner.length && inner[i] !== ',') {
        const char = inner[i] ?? '';
        if (char === '{' || char === '}' || char === '"') return undefined;
        if (char === '\\') {
          value += inner[i + 1] ?? '';
          i += 2;
        } else {
          value += char;
          i++;
        }
      }
      const trimmed = value.trim();
      if (trimmed === '') return undefined;
      out.push(trimmed.toUpperCase() === 'NULL' ? null : trimmed);
    }
    if (i >= inner.length) break;
    if (inner[i] !== ',') return undefined;
    i++;
  }
  return out;
}

/** The PostgreSQL array literal of the elements: each quoted (`{"a","b c",NULL}`), so any text fits. */
export function renderPostgresArrayLiteral(elements: readonly ArrayElement[]): string {
  const items = elements.map((element) => {
    if (element === null) return 'NULL';
    if (typeof element === 'boolean') return element ? 'true' : 'false';
    if (typeof element === 'number') return String(element);
    return `"${element.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  });
  return `{${items.join(',')}}`;
}

const NUMBERED: ReadonlySet<DataType> = new Set([...INTEGER_TYPES, ...DECIMAL_TYPES, ...FLOAT_TYPES]);
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * An element read from an array literal's text as the design writes it for the element type:
 * numbers as JSON numbers when they survive the trip (`0.50` stays text, as scalar defaults do),
 * booleans as true/false, everything else as the text.
 */
export function typedElement(text: string | null, dataType: DataType): ArrayElement {
  if (text === null) return null;
  if (NUMBERED.has(dataType) && NUMBER.test(text)) return String(Number(text)) === text ? Number(text) : text;
  if (dataType === 'BOOLEAN') {
    const lower = text.toLowerCase();
    if (['t', 'true', 'yes', 'on', '1'].includes(lower)) return true;
    if (['f', 'false', 'no', 'off', '0'].includes(lower)) return false;
  }
  return text;
}

/** The elements an array column's default names: a JSON array of scalars or an array literal. */
export function arrayDefaultElements(value: unknown, dataType: DataType): ArrayElement[] | undefined {
  if (Array.isArray(value)) {
    const scalar = value.every(
      (item) =>
        item === null || typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean',
    );
    return scalar ? (value as ArrayElement[]) : undefined;
  }
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (trimmed.startsWith('[')) {
    try {
      return arrayDefaultElements(JSON.parse(trimmed), dataType);
    } catch {
      return undefined;
    }
  }
  return parsePostgresArrayLiteral(trimmed)?.map((item) => typedElement(item, dataType));
}

/** The model default of an array column (see `arrayDefaultElements`); undefined: none. */
export function normalizeArrayDefault(value: unknown, dataType: DataType): ColumnDefault | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const elements = arrayDefaultElements(value, dataType);
  return elements === undefined ? undefined : { kind: 'literal', value: elements };
}
