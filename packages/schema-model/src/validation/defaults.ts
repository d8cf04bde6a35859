import { arrayDefaultElements } from '../design/array-default.ts';
import type { DataType } from '../design/data-types.ts';
import { EMPTY_TEXT_TYPES } from '../design/data-types.ts';
import type { DefaultExpression } from '../design/defaults.ts';
import { defaultExpression } from '../design/defaults.ts';
import { checkDecimalDefault, checkFloatDefault, checkIntegerDefault, isIntegerType } from './numbers.ts';
import { checkDateDefault, checkTimeDefault, checkTimestampDefault } from './temporal.ts';
import { shown } from './values.ts';

/** What a default is checked against: a column's type (`ColumnType` of the normalized model fits). */
export interface DefaultTarget {
  dataType: DataType;
  /** Integers: no negatives. */
  unsigned?: boolean | null;
  length?: number | null;
  precision?: number | null;
  scale?: number | null;
  /** An array column: the default is a list of values of the type. */
  array?: boolean | null;
}

/** For ENUM columns: the enum the column uses (`EnumType` of the normalized model fits). */
export interface DefaultEnum {
  name: string;
  values: readonly string[];
}

const DATE_TIME_TYPES: ReadonlySet<DataType> = new Set(['DATE', 'TIME', 'TIMESTAMP', 'TIMESTAMPTZ']);
const DATE_TYPES: ReadonlySet<DataType> = new Set(['DATE', 'TIMESTAMP', 'TIMESTAMPTZ']);

/** Which column types each default expression fits, and what it means, for messages. */
const EXPRESSIONS: Record<DefaultExpression, { types: ReadonlySet<DataType>; gives: string; fits: string }> =
  {
    'now()': {
      types: DATE_TIME_TYPES,
      gives: 'the current date and time',
      fits: 'DATE, TIME, TIMESTAMP and TIMESTAMPTZ',
    },
    CURRENT_TIMESTAMP: {
      types: DATE_TIME_TYPES,
      gives: 'the current date and time',
      fits: 'DATE, TIME, TIMESTAMP and TIMESTAMPTZ',
    },
    CURRENT_DATE: { types: DATE_TYPES, gives: "today's date", fits: 'DATE, TIMESTAMP and TIMESTAMPTZ' },
    'gen_random_uuid()': { types: new Set(['UUID']), gives: 'a random UUID', fits: 'UUID' },
  };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BYTEA_HEX = /^\\x(?:[0-9a-f]{2})*$/i;

/**
 * Why `value` cannot be the default of a column of this type, or undefined when it can.
 * Interprets the value like `normalizeDefault`: null, undefined (and "" for non-text types)
 * mean "no default"; the known expressions count for the types they fit and are errors
 * elsewhere (a text column defaulting to the text "now()" is almost surely a mistake).
 * The message is a sentence about the value, e.g. `"abc" is not a whole number.`
 */
export function checkDefault(
  type: DefaultTarget,
  value: unknown,
  enumType?: DefaultEnum,
): string | undefined {
  if (value === null || value === undefined) return undefined;
  const { dataType } = type;
  if (type.array === true) return checkArrayDefault(type, value, enumType);
  if (value === '' && !EMPTY_TEXT_TYPES.has(dataType)) return undefined;
  if (typeof value === 'string' && value.includes('\u0000')) {
    return 'The default value contains a NUL character, which PostgreSQL cannot store.';
  }
  const expression = defaultExpression(value);
  if (expression) {
    const { types, gives, fits } = EXPRESSIONS[expression];
    if (types.has(dataType)) return undefined;
    return `${expression} gives ${gives}, so it only fits ${fits} columns, not ${dataType}.`;
  }
  if (typeof value === 'object' && dataType !== 'JSON' && dataType !== 'JSONB') {
    return `${shown(value)} can only be the default of a JSON or JSONB column${Array.isArray(value) ? ', or of an array column ("array": true)' : ''}.`;
  }
  return checkLiteral(type, value, enumType);
}

function checkLiteral(
  type: DefaultTarget,
  value: unknown,
  enumType: DefaultEnum | undefined,
): string | undefined {
  const { dataType } = type;
  if (isIntegerType(dataType)) {
    return checkIntegerDefault(value, dataType, type.unsigned === true);
  }
  switch (dataType) {
    case 'DECIMAL':
    case 'NUMERIC':
      return checkDecimalDefault(value, dataType, type.precision, type.scale);
    case 'REAL':
    case 'DOUBLE':
      return checkFloatDefault(value, dataType);
    case 'BOOLEAN':
      return isBoolean(value) ? undefined : `${shown(value)} is not true or false.`;
    case 'VARCHAR':
    case 'CHAR':
    case 'TEXT':
      return checkText(type, value);
    case 'DATE':
      return checkDateDefault(value);
    case 'TIME':
      return checkTimeDefault(value);
    case 'TIMESTAMP':
    case 'TIMESTAMPTZ':
      return checkTimestampDefault(value, dataType === 'TIMESTAMPTZ');
    case 'UUID':
      return typeof value === 'string' && UUID.test(value)
        ? undefined
        : `${shown(value)} is not a UUID; write it like "123e4567-e89b-12d3-a456-426614174000".`;
    case 'JSON':
    case 'JSONB':
      return checkJson(value, dataType === 'JSONB');
    case 'BYTEA':
    case 'BINARY':
    case 'VARBINARY':
      return checkBinaryDefault(type, value);
    case 'ENUM':
      return checkEnum(value, enumType);
    case 'MONEY':
      return checkDecimalDefault(value, 'NUMERIC', undefined, undefined);
    default:
      return checkTextForm(type.dataType, value);
  }
}

/** An array column's default: a JSON array or an array literal, each element a default of the type. */
function checkArrayDefault(
  type: DefaultTarget,
  value: unknown,
  enumType: DefaultEnum | undefined,
): string | undefined {
  if (value === '') return undefined;
  const elements = arrayDefaultElements(value, type.dataType);
  if (elements === undefined)
    return `${shown(value)} is not a list of values; write a JSON array such as ["a", "b"] (or [] for none), or PostgreSQL's array literal such as "{a,b}".`;
  const element = { ...type, array: false };
  for (const [i, item] of elements.entries()) {
    if (item === null) continue;
    const problem = checkDefault(element, item, enumType);
    if (problem) return `element ${i + 1}: ${problem}`;
  }
  return undefined;
}

const MACADDR_SEPARATORS = /[-:.]/g;
const IP_ADDRESS = /^(?:[0-9]{1,3}(?:\.[0-9]{1,3}){3}|[0-9a-f]*:[0-9a-f:.]*)(?:\/[0-9]{1,3})?$/i;
const RANGE = /^\s*(?:empty|[[(][\s\S]*,[\s\S]*[\])])\s*$/i;

/**
 * Defaults of the types written as text (network addresses, ranges, interval, tsvector, xml,
 * citext): text that has the type's shape. The details (an address's bits, a range's bounds, an
 * interval's units) are PostgreSQL's to read.
 */
function checkTextForm(dataType: DataType, value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return `${shown(value)} is not text.`;
  const text = String(value).trim();
  switch (dataType) {
    case 'INET':
    case 'CIDR':
      return IP_ADDRESS.test(text)
        ? undefined
        : `${shown(value)} is not an IP address; write it like "192.168.0.1", "10.0.0.0/8" or "::1".`;
    case 'MACADDR': {
      const hex = text.replace(MACADDR_SEPARATORS, '');
      return /^[0-9a-f]{12}$/i.test(hex)
        ? undefined
        : `${shown(value)} is not a MAC address; write it like "08:00:2b:01:02:03".`;
    }
    case 'INT4RANGE':
    case 'INT8RANGE':
    case 'NUMRANGE':
    case 'DATERANGE':
    case 'TSRANGE':
    case 'TSTZRANGE':
      return RANGE.test(text)
        ? undefined
        : `${shown(value)} is not a range; write it like "[1,10)", "(,5]" or "empty".`;
    default:
      return undefined;
  }
}

function isBoolean(value: unknown): boolean {
  if (typeof value === 'boolean') return true;
  if (typeof value !== 'string') return false;
  const lower = value.trim().toLowerCase();
  return lower === 'true' || lower === 'false';
}

function checkText(type: DefaultTarget, value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return `${shown(value)} is not text.`;
  const text = String(value);
  // CHAR without a length is CHAR(1) in PostgreSQL; VARCHAR without one is unlimited.
  const limit =
    type.dataType === 'TEXT' ? undefined : (type.length ?? (type.dataType === 'CHAR' ? 1 : undefined));
  if (limit === undefined || limit < 1 || text.length <= limit) return undefined;
  const characters = [...text].length;
  if (characters <= limit) return undefined;
  return `${shown(value)} is ${characters} characters long, but the column holds at most ${limit}.`;
}

function checkJson(value: unknown, binary: boolean): string | undefined {
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return `${shown(value)} is not valid JSON (text must be written in double quotes, e.g. "\\"hello\\"").`;
    }
  } else if (typeof value === 'number' && !Number.isFinite(value)) {
    return `${shown(value)} is not a valid JSON number.`;
  } else if (typeof value === 'object') {
    try {
      if (JSON.stringify(value) === undefined) return `${shown(value)} cannot be written as JSON.`;
    } catch {
      return `${shown(value)} cannot be written as JSON.`;
    }
  }
  if (binary && containsNul(parsed))
    return 'The default value contains a NUL character, which JSONB cannot store.';
  return undefined;
}

function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([key, item]) => key.includes('\u0000') || containsNul(item));
  }
  return false;
}

function checkEnum(value: unknown, enumType: DefaultEnum | undefined): string | undefined {
  if (typeof value !== 'string') return `${shown(value)} is not one of the enum's values.`;
  if (!enumType || enumType.values.includes(value)) return undefined;
  const listed = enumType.values.slice(0, 10).map((item) => JSON.stringify(item));
  if (enumType.values.length > 10) listed.push('…');
  const values = listed.length > 0 ? ` (${listed.join(', ')})` : '';
  return `${shown(value)} is not a value of enum ${JSON.stringify(enumType.name)}${values}.`;
}

/** `\\x` and hex pairs, as many bytes as the type holds (BINARY: exactly its length). */
function checkBinaryDefault(type: DefaultTarget, value: unknown): string | undefined {
  if (typeof value !== 'string' || !BYTEA_HEX.test(value))
    return `${shown(value)} is not binary data; write \\x followed by pairs of hex digits, e.g. "\\xDEADBEEF".`;
  const bytes = (value.length - 2) / 2;
  const length = type.length ?? undefined;
  if (length === undefined) return undefined;
  if (type.dataType === 'BINARY' && bytes !== length)
    return `${shown(value)} is ${bytes} bytes; the column holds exactly ${length}.`;
  if (bytes > length) return `${shown(value)} is ${bytes} bytes; the column holds at most ${length}.`;
  return undefined;
}
