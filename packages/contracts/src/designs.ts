import { z } from 'zod';

export { SCHEMA_SORTS, type SchemaSort } from './design-sorts.ts';

/** What a list of designs is searched for: matched literally against names and descriptions. */
export const SchemaSearchSchema = z.string().trim().max(200);
