import type { SqlDialect } from '../ddl/generate.ts';
import type { DesignDocument } from '../design/document.ts';
import { checkChecks } from './checks.ts';
import { checkTable } from './columns.ts';
import { createContext } from './context.ts';
import { checkDialect } from './dialect.ts';
import { checkEnums } from './enums.ts';
import { checkForeignKeys } from './foreign-keys.ts';
import { checkGeneratedColumns, checkGeneratedForeignKeys } from './generated-columns.ts';
import { checkIndexes } from './indexes.ts';
import type { ValidationIssue, ValidationReport } from './issue.ts';
import { checkJsonKeys } from './json-keys.ts';
import { checkSchemas } from './schemas.ts';
import { checkUniqueness } from './uniqueness.ts';
import { checkViews } from './views.ts';
import { checkXmlKeys } from './xml-keys.ts';

/**
 * The semantic rules over a document that already has the right shape (`DesignDocumentSchema`).
 * Reports every problem at once; the design is valid when there are no errors (warnings allowed).
 */
export interface ValidateOptions {
  /**
   * A target engine: then what it would refuse is an error too, and what its export changes from
   * the design a warning (the export's own warnings). Checked only once the design has no errors.
   */
  dialect?: SqlDialect;
}

export function validateDesign(doc: DesignDocument, options: ValidateOptions = {}): ValidationReport {
  const issues: ValidationIssue[] = [];
  const ctx = createContext(doc, issues);
  checkSchemas(ctx);
  checkUniqueness(ctx);
  checkEnums(ctx);
  doc.tables.forEach((table, t) => {
    checkTable(ctx, table, t);
    checkIndexes(ctx, table, t);
    checkGeneratedColumns(ctx, table, t);
    checkJsonKeys(ctx, table, t);
    checkXmlKeys(ctx, table, t);
    checkChecks(ctx, table, t);
  });
  checkForeignKeys(ctx);
  checkGeneratedForeignKeys(ctx);
  checkViews(ctx, issues);
  if (options.dialect !== undefined && !issues.some((issue) => issue.severity === 'error'))
    checkDialect(doc, options.dialect, issues);
  // MySQL holds BIGINT unsigned's whole range: the warning is PostgreSQL's and SQLite's.
  if (options.dialect === 'mysql') return toReport(issues.filter((i) => i.code !== 'UNSIGNED_BIGINT_RANGE'));
  return toReport(issues);
}

export function toReport(issues: readonly ValidationIssue[]): ValidationReport {
  const errors = issues.filter((issue) => issue.severity === 'error');
  const warnings = issues.filter((issue) => issue.severity === 'warning');
  return { valid: errors.length === 0, errors, warnings };
}
