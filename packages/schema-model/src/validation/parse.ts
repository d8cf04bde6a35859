import type { DesignDocument } from '../design/document.ts';
import { DesignDocumentSchema } from '../design/document.ts';
import type { Design } from '../design/model.ts';
import { normalizeDesign } from '../design/normalize.ts';
import type { ValidationReport } from './issue.ts';
import { toReport, validateDesign } from './validate.ts';
import { issuesFromZod } from './zod-issues.ts';

export type ParseDesignResult =
  | { ok: true; document: DesignDocument; design: Design; report: ValidationReport }
  | { ok: false; report: ValidationReport };

/**
 * Everything a received document goes through: its shape (zod), then the design rules, then
 * normalization. `ok` when there are no errors; the report may still hold warnings.
 */
export function parseDesign(input: unknown): ParseDesignResult {
  const parsed = DesignDocumentSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, report: toReport(issuesFromZod(parsed.error)) };
  const report = validateDesign(parsed.data);
  if (!report.valid) return { ok: false, report };
  return { ok: true, document: parsed.data, design: normalizeDesign(parsed.data), report };
}
