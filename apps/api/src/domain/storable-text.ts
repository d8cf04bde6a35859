import { formatPath, LONE_SURROGATE } from '@schema-builder/schema-model/validation';
import type { ErrorDetail } from '../errors/codes.ts';
import { AppError } from '../errors/codes.ts';

/**
 * The one rule for text a request brings: PostgreSQL cannot store a NUL character (text and
 * jsonb refuse \u0000), and a lone UTF-16 surrogate is not text at all (it would be replaced on
 * its way to the database, so what is stored is not what was sent). Either is refused at the
 * field, before anything else reads the input, so no procedure can forget it.
 */
export function assertStorableInput(input: unknown): void {
  const found = findUnstorableText(input, []);
  if (found === undefined) return;
  throw new AppError('VALIDATION_ERROR', 'The request has text that cannot be stored.', {
    details: [unstorableTextDetail(found)],
  });
}

export interface UnstorableText {
  /** Where in the input, e.g. `['tables', 2, 'name']`; a bad key is the last segment itself. */
  path: Array<string | number>;
  problem: 'nul' | 'lone-surrogate';
}

/** The detail of a refusal; its code is the one a design's unstorable text gets. */
export function unstorableTextDetail({ path, problem }: UnstorableText): ErrorDetail {
  const what =
    problem === 'nul' ? 'a NUL character (\\u0000)' : 'a broken (half) character (a lone UTF-16 surrogate)';
  const last = path.at(-1);
  const field =
    last === undefined ? 'The input' : typeof last === 'number' ? `Entry ${last + 1}` : `"${last}"`;
  return {
    path: formatPath(path),
    code: 'INVALID_VALUE',
    message: `${field} contains ${what}, which cannot be stored. Remove it.`,
  };
}

function problemOf(text: string): UnstorableText['problem'] | undefined {
  if (text.includes('\u0000')) return 'nul';
  return LONE_SURROGATE.test(text) ? 'lone-surrogate' : undefined;
}

/** The first string or key anywhere in a JSON-like value that PostgreSQL cannot store. */
export function findUnstorableText(value: unknown, path: Array<string | number>): UnstorableText | undefined {
  if (typeof value === 'string') {
    const problem = problemOf(value);
    return problem ? { path, problem } : undefined;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnstorableText(item, [...path, index]);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const problem = problemOf(key);
      if (problem) return { path: [...path, key], problem };
      const found = findUnstorableText(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}
