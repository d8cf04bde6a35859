import { z } from 'zod';

/** How a list of designs may be ordered (`-` first: newest or Z first). */
export const SCHEMA_SORTS = ['-updatedAt', 'updatedAt', '-createdAt', 'createdAt', 'name', '-name'] as const;
export type SchemaSort = (typeof SCHEMA_SORTS)[number];

/** What a list of designs is searched for: matched literally against names and descriptions. */
export const SchemaSearchSchema = z.string().trim().max(200);
