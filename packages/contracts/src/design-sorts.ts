/** How a list of designs may be ordered (`-` first: newest or Z first). Zod-free: route files import it. */
export const SCHEMA_SORTS = ['-updatedAt', 'updatedAt', '-createdAt', 'createdAt', 'name', '-name'] as const;
export type SchemaSort = (typeof SCHEMA_SORTS)[number];
