import { formatPath, validateDesign } from '@schema-builder/schema-model';
import type { DesignDocument, ValidationIssue, ValidationReport } from '@schema-builder/schema-model';
import { AppError } from '../../errors/codes.ts';
import type { ErrorCode } from '../../errors/codes.ts';
import { plural } from '../../errors/to-error-body.ts';

/** Fields of a request body that describe the request, not the design. */
const REQUEST_FIELDS = new Set(['id', 'createdAt', 'updatedAt', 'expectedVersion', 'changeNote']);

/** The document to store: what the client sent, minus server-owned and request-only fields. */
export function storedDocument(input: Record<string, unknown>): DesignDocument & Record<string, unknown> {
  const entries = Object.entries(input).filter(([key]) => !REQUEST_FIELDS.has(key));
  return Object.fromEntries(entries) as DesignDocument & Record<string, unknown>;
}

/** Validates a document; throws a 422 listing every error, returns the report (warnings) otherwise. */
export function assertValidDesign(document: DesignDocument): ValidationReport {
  const nulPath = findNul(document, []);
  if (nulPath !== undefined) {
    throw new AppError('VALIDATION_ERROR', 'The design contains a NUL character, which cannot be stored.', {
      details: [{ path: formatPath(nulPath), code: 'INVALID_VALUE', message: 'Remove the NUL (\\u0000) character.' }],
    });
  }
  const report = validateDesign(document);
  if (report.valid) return report;
  throw new AppError(errorCodeFor(report.errors), `The design has ${plural(report.errors.length, 'error')}.`, {
    details: report.errors.map(({ path, code, message }) => ({ path, code, message })),
  });
}

/** The specific legacy codes when every error is of one family; VALIDATION_ERROR otherwise. */
function errorCodeFor(errors: ValidationIssue[]): ErrorCode {
  if (errors.every((issue) => issue.code === 'UNSUPPORTED_DATA_TYPE')) return 'UNSUPPORTED_DATA_TYPE';
  if (errors.every((issue) => issue.code.startsWith('FK_'))) return 'FOREIGN_KEY_ERROR';
  return 'VALIDATION_ERROR';
}

/** PostgreSQL's jsonb cannot hold \u0000 in strings or keys: find the first one, anywhere. */
function findNul(value: unknown, path: Array<string | number>): Array<string | number> | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNul(item, [...path, index]);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) return [...path, key];
      const found = findNul(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}
