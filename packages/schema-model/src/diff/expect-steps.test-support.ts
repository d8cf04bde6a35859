import type { DesignDocument } from '../design/document.ts';
import { design } from './design-helpers.test-support.ts';
import { planPostgresMigration } from './diff.ts';

/** A step as the unit tests spell it: id, phase, hazard codes (comma-separated), SQL. */
export type StepShape = [id: string, phase: number, hazards: string, sql: string[]];

export function planShape(from: DesignDocument, to: DesignDocument): StepShape[] {
  return planPostgresMigration(design(from), design(to)).steps.map((s) => [
    s.id,
    s.phase,
    s.hazards.map((h) => h.code).join(','),
    s.sql,
  ]);
}
