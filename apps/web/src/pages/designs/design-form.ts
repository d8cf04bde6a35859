import { DesignDocumentSchema } from '@schema-builder/schema-model/design';

/**
 * A design's name and description as the API checks them on create and update: the very rules of
 * the design document, so the form says what the server would.
 */
export const DesignNameSchema = DesignDocumentSchema.pick({ name: true, description: true });
export const DESIGN_NAME_FIELDS = ['name', 'description'] as const;
