export * from './catalog/compare-catalog.ts';
export * from './ddl/index.ts';
export * from './design/data-types.ts';
export * from './design/defaults.ts';
export * from './design/document.ts';
export * from './design/model.ts';
export { normalizeDesign, referentialAction } from './design/normalize.ts';
export {
  closestProperty,
  EXTENSION_PROPERTY,
  ExtensionBagSchema,
  strictInputObject,
} from './design/unknown-properties.ts';
export * from './diff/index.ts';
export * from './import/index.ts';
export * from './sql/quote.ts';
export type { DefaultEnum, DefaultTarget } from './validation/defaults.ts';
export { checkDefault } from './validation/defaults.ts';
export * from './validation/issue.ts';
export { LONE_SURROGATE } from './validation/names.ts';
export type { ParseDesignResult } from './validation/parse.ts';
export { parseDesign, parseStoredDesign } from './validation/parse.ts';
export type { ValidateOptions } from './validation/validate.ts';
export { validateDesign } from './validation/validate.ts';
export { issuesFromZod } from './validation/zod-issues.ts';
