export * from './design/data-types.ts';
export * from './design/defaults.ts';
export * from './design/document.ts';
export * from './design/model.ts';
export { normalizeDesign, referentialAction } from './design/normalize.ts';
export * from './validation/issue.ts';
export * from './sql/quote.ts';
