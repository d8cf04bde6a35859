/**
 * `@schema-builder/schema-model/validation`: reading an untrusted design document and checking
 * it, with every issue at a path. Safe in a browser.
 */
export { strictInputObject } from '../design/unknown-properties.ts';
export {
  formatPath,
  ISSUE_CODES,
  type IssueCode,
  type Severity,
  type ValidationIssue,
  type ValidationReport,
} from './issue.ts';
export { LONE_SURROGATE } from './names.ts';
export { type ParseDesignResult, parseDesign, parseStoredDesign } from './parse.ts';
export { type ValidateOptions, validateDesign } from './validate.ts';
export { issuesFromZod } from './zod-issues.ts';
