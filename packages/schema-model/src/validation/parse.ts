import type { z } from 'zod';
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

type ShapeResult = z.ZodSafeParseResult<DesignDocument>;

/**
 * Everything a received document goes through: its shape (zod), then the design rules, then
 * normalization. `ok` when there are no errors; the report may still hold warnings.
 */
export function parseDesign(input: unknown): ParseDesignResult {
  return checkParsed(DesignDocumentSchema.safeParse(input, { reportInput: true }));
}

/**
 * A version read back from storage. Documents saved before unknown properties were refused may
 * hold some (a canvas colour, a typo): they are dropped here instead of making the version
 * unreadable, since its owner can no longer correct it. Everything else is checked as on input.
 */
export function parseStoredDesign(stored: unknown): ParseDesignResult {
  const parsed = DesignDocumentSchema.safeParse(stored, { reportInput: true });
  if (parsed.success) return checkParsed(parsed);
  const unknown = parsed.error.issues.filter((issue) => issue.code === 'unrecognized_keys');
  if (unknown.length === 0) return checkParsed(parsed);
  return parseDesign(withoutKeys(stored, unknown));
}

function checkParsed(parsed: ShapeResult): ParseDesignResult {
  if (!parsed.success) return { ok: false, report: toReport(issuesFromZod(parsed.error)) };
  const report = validateDesign(parsed.data);
  if (!report.valid) return { ok: false, report };
  return { ok: true, document: parsed.data, design: normalizeDesign(parsed.data), report };
}

/** A copy of `value` without the keys each issue names in the object at its path. */
function withoutKeys(
  value: unknown,
  issues: ReadonlyArray<{ readonly path: readonly PropertyKey[]; readonly keys: readonly string[] }>,
): unknown {
  const copy: unknown = structuredClone(value);
  for (const { path, keys } of issues) {
    let target: unknown = copy;
    for (const segment of path) {
      target = isRecord(target) ? target[String(segment)] : undefined;
    }
    if (!isRecord(target)) continue;
    for (const key of keys) delete target[key];
  }
  return copy;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
