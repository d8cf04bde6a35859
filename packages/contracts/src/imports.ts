import { z } from 'zod';

/**
 * Importing a live database as a design, through a saved connection: which connection, which of
 * its databases, which schemas (PostgreSQL; default all) and tables (default all; `schema.table`
 * outside `public`), and the new design's name (default the database's).
 * The API adds `schemaId` (import as a new version of a design) and refuses unknown keys.
 */
export const ImportDesignFields = {
  connectionId: z.uuid(),
  database: z.string().trim().min(1).max(200).optional(),
  tables: z.array(z.string().max(200)).min(1).max(5000).optional(),
  /**
   * PostgreSQL: the schemas to read (default every schema but PostgreSQL's own and extensions').
   * `public` is the design's default schema; each other one becomes an entry of its `schemas`.
   */
  schemas: z.array(z.string().trim().min(1).max(200)).min(1).max(1000).optional(),
  name: z.string().trim().min(1).max(200).optional(),
};

/** The web app's import form: the name it asks for (the rest comes from the tree). */
export const ImportDesignNameSchema = z.object({ name: ImportDesignFields.name.unwrap() });
export type ImportDesignName = z.infer<typeof ImportDesignNameSchema>;
