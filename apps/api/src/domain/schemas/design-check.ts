import type { DesignDocument } from '@schema-builder/schema-model/design';
import type { ValidationIssue, ValidationReport } from '@schema-builder/schema-model/validation';
import { validateDesign } from '@schema-builder/schema-model/validation';
import type { Config } from '../../env.ts';
import type { ErrorCode, ErrorDetail } from '../../errors/codes.ts';
import { AppError } from '../../errors/codes.ts';
import { plural } from '../../errors/to-error-body.ts';
import { findUnstorableText, unstorableTextDetail } from '../storable-text.ts';

/**
 * Fields of the create and update inputs that describe the request, or that the PRD's format
 * carries but the server sets itself (id, timestamps): not stored. Other server-owned fields
 * (owner, status) never get this far: the inputs are strict and refuse them as UNKNOWN_PROPERTY.
 */
const REQUEST_FIELDS = new Set(['id', 'createdAt', 'updatedAt', 'expectedVersion', 'changeNote']);

/** The document to store: what the client sent, minus the request-only fields. */
export function storedDocument(input: Record<string, unknown>): DesignDocument & Record<string, unknown> {
  const entries = Object.entries(input).filter(([key]) => !REQUEST_FIELDS.has(key));
  return Object.fromEntries(entries) as DesignDocument & Record<string, unknown>;
}

export interface DesignLimits {
  maxTables: number;
  maxColumnsPerTable: number;
  maxColumns: number;
}

/** Refuses designs over the configured size (422 DESIGN_TOO_LARGE), before any deeper work. */
export function assertDesignSize(document: DesignDocument, limits: DesignLimits): void {
  const details: ErrorDetail[] = [];
  if (document.tables.length > limits.maxTables) {
    details.push({
      path: 'tables',
      code: 'TOO_MANY_TABLES',
      message: `A design can have at most ${limits.maxTables} tables; this one has ${document.tables.length}.`,
    });
  }
  let columns = 0;
  document.tables.forEach((table, index) => {
    columns += table.columns.length;
    if (table.columns.length > limits.maxColumnsPerTable) {
      details.push({
        path: `tables[${index}].columns`,
        code: 'TOO_MANY_COLUMNS',
        message: `A table can have at most ${limits.maxColumnsPerTable} columns; this one has ${table.columns.length}.`,
      });
    }
  });
  if (columns > limits.maxColumns) {
    details.push({
      path: 'tables',
      code: 'TOO_MANY_COLUMNS',
      message: `A design can have at most ${limits.maxColumns} columns in all; this one has ${columns}.`,
    });
  }
  if (details.length > 0)
    throw new AppError('DESIGN_TOO_LARGE', 'The design is larger than this service accepts.', { details });
}

/** Validates a document; throws a 422 listing every error, returns the report (warnings) otherwise. */
export function assertValidDesign(document: DesignDocument): ValidationReport {
  // jsonb cannot hold \u0000, and a lone surrogate would be silently replaced on its way there.
  const unstorable = findUnstorableText(document, []);
  if (unstorable !== undefined) {
    throw new AppError('VALIDATION_ERROR', 'The design contains text that cannot be stored.', {
      details: [unstorableTextDetail(unstorable)],
    });
  }
  const report = validateDesign(document);
  if (report.valid) return report;
  throw new AppError(
    errorCodeFor(report.errors),
    `The design has ${plural(report.errors.length, 'error')}.`,
    {
      details: report.errors.map(({ path, code, message }) => ({ path, code, message })),
    },
  );
}

/** The specific legacy codes when every error is of one family; VALIDATION_ERROR otherwise. */
function errorCodeFor(errors: ValidationIssue[]): ErrorCode {
  if (errors.every((issue) => issue.code === 'UNSUPPORTED_DATA_TYPE')) return 'UNSUPPORTED_DATA_TYPE';
  if (errors.every((issue) => issue.code.startsWith('FK_'))) return 'FOREIGN_KEY_ERROR';
  return 'VALIDATION_ERROR';
}

export const designLimits = (config: Config): DesignLimits => ({
  maxTables: config.MAX_DESIGN_TABLES,
  maxColumnsPerTable: config.MAX_DESIGN_COLUMNS_PER_TABLE,
  maxColumns: config.MAX_DESIGN_COLUMNS,
});
