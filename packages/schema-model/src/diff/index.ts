export type { CastClassification, CastKind, CastOptions } from './classify-cast.ts';
export { classifyCast } from './classify-cast.ts';
export { renderDataCheck } from './data-check.ts';
export { diffDesigns } from './diff.ts';
export type * from './types.ts';
export { HAZARD_CODES, MigrationPlanError } from './types.ts';
