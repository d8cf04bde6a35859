import type { z } from 'zod';
import { messagesPerKey } from '../design/unknown-properties.ts';
import type { IssueCode, ValidationIssue } from './issue.ts';
import { formatPath } from './issue.ts';

type ZodIssue = z.core.$ZodIssue;

/**
 * Zod's issues as ValidationIssues with messages for people, not programmers:
 * `"name" is required.`, `"length" must be a whole number.`, `"tables" can hold at most 5000 entries.`
 * `pathPrefix` is prepended to every path (e.g. `['document']` when the checked value was nested).
 */
export function issuesFromZod(
  error: { readonly issues: readonly ZodIssue[] },
  pathPrefix: ReadonlyArray<PropertyKey> = [],
): ValidationIssue[] {
  return error.issues.flatMap((issue) => convert(issue, pathPrefix));
}

function convert(issue: ZodIssue, prefix: ReadonlyArray<PropertyKey>): ValidationIssue[] {
  const segments = [...prefix, ...issue.path];
  const field = fieldName(segments);
  const make = (code: IssueCode, message: string): ValidationIssue[] => [
    { code, severity: 'error', path: formatPath(segments), message },
  ];
  switch (issue.code) {
    case 'invalid_type':
      if (isMissing(issue)) return make('REQUIRED', `${field} is required.`);
      return make('INVALID_TYPE', `${field} must be ${expectedPhrase(issue.expected)}.`);
    case 'too_big':
      if (issue.origin === 'string') {
        return make('TOO_LONG', `${field} can be at most ${issue.maximum} characters long.`);
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return make('TOO_MANY', `${field} can hold at most ${issue.maximum} entries.`);
      }
      return make(
        'INVALID_VALUE',
        `${field} must be ${issue.inclusive === false ? 'less than' : 'at most'} ${issue.maximum}.`,
      );
    case 'too_small':
      if (issue.origin === 'string') {
        return make(
          'INVALID_VALUE',
          Number(issue.minimum) <= 1
            ? `${field} must not be empty.`
            : `${field} must be at least ${issue.minimum} characters long.`,
        );
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return make(
          'INVALID_VALUE',
          `${field} must hold at least ${issue.minimum} ${plural(issue.minimum)}.`,
        );
      }
      return make(
        'INVALID_VALUE',
        `${field} must be ${issue.inclusive === false ? 'greater than' : 'at least'} ${issue.minimum}.`,
      );
    case 'invalid_union':
      return convertUnion(issue, segments, field, make);
    case 'invalid_value':
      return make(
        'INVALID_VALUE',
        issue.values.length === 1
          ? `${field} must be ${show(issue.values[0])}.`
          : `${field} must be one of: ${issue.values.map(show).join(', ')}.`,
      );
    case 'invalid_format':
      return make('INVALID_VALUE', `${field} is not in the expected format (${issue.format}).`);
    case 'not_multiple_of':
      return make('INVALID_VALUE', `${field} must be a multiple of ${issue.divisor}.`);
    case 'unrecognized_keys':
      return unknownProperties(issue, segments);
    case 'invalid_key':
      return make('INVALID_VALUE', `${field} has an invalid key.`);
    case 'invalid_element':
      return make('INVALID_VALUE', `${field} has an invalid entry.`);
    default: {
      const message = issue.message.trim().replace(/\.?$/, '.');
      return make('INVALID_VALUE', /^[a-z]/.test(message) ? `${field} ${message}` : message);
    }
  }
}

function convertUnion(
  issue: Extract<ZodIssue, { code: 'invalid_union' }>,
  segments: PropertyKey[],
  field: string,
  make: (code: IssueCode, message: string) => ValidationIssue[],
): ValidationIssue[] {
  if (isMissing(issue)) return make('REQUIRED', `${field} is required.`);
  const isTypeMismatch = (branch: readonly ZodIssue[]) =>
    branch.length === 1 && branch[0]?.code === 'invalid_type' && branch[0].path.length === 0;
  // A branch that got past the type check says more than the ones that did not.
  const informative = issue.errors.filter((branch) => !isTypeMismatch(branch));
  const [only] = informative;
  if (informative.length === 1 && only) return only.flatMap((nested) => convert(nested, segments));
  const expected = issue.errors.flatMap((branch) =>
    branch[0]?.code === 'invalid_type' && isTypeMismatch(branch) ? [expectedPhrase(branch[0].expected)] : [],
  );
  if (expected.length > 0 && expected.length === issue.errors.length) {
    const unique = [...new Set(expected)];
    const last = unique.pop();
    const phrase = unique.length > 0 ? `${unique.join(', ')} or ${last}` : `${last}`;
    return make('INVALID_TYPE', `${field} must be ${phrase}.`);
  }
  return make('INVALID_VALUE', `${field} is not valid.`);
}

/**
 * One UNKNOWN_PROPERTY per unknown key, located at the key itself. A `strictInputObject` words
 * one line per key with the closest known property; any other strict object gets a plain message.
 */
function unknownProperties(
  issue: Extract<ZodIssue, { code: 'unrecognized_keys' }>,
  segments: PropertyKey[],
): ValidationIssue[] {
  const messages = messagesPerKey(issue.message, issue.keys);
  return issue.keys.map((key, index) => ({
    code: 'UNKNOWN_PROPERTY',
    severity: 'error',
    path: formatPath([...segments, key]),
    message: messages?.[index] ?? `${JSON.stringify(key)} is not a known property.`,
  }));
}

/** Zod 4 reports a missing field as a type error whose input is undefined. */
function isMissing(issue: ZodIssue): boolean {
  // `input` is only kept with `reportInput: true`; otherwise fall back on zod's default message.
  if ('input' in issue) return issue.input === undefined;
  return /received undefined$/.test(issue.message);
}

function fieldName(segments: readonly PropertyKey[]): string {
  const last = segments.at(-1);
  if (last === undefined) return 'The input';
  if (typeof last === 'number') {
    const parent = segments.at(-2);
    return parent === undefined ? `Entry ${last + 1}` : `Entry ${last + 1} of "${String(parent)}"`;
  }
  return `"${String(last)}"`;
}

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  tuple: 'a list',
  object: 'an object',
  record: 'an object',
  map: 'an object',
  null: 'null',
  date: 'a date',
};

function expectedPhrase(expected: string): string {
  return EXPECTED[expected] ?? expected;
}

function plural(count: number | bigint): string {
  return Number(count) === 1 ? 'entry' : 'entries';
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
