import { AppError } from '../../errors/codes.ts';

/** The same answer whether the id never existed, was deleted, or belongs to someone else. */
export function schemaNotFound(id: string): AppError {
  return new AppError('SCHEMA_NOT_FOUND', `No schema with id ${id}.`, {
    details: [{ path: 'id', code: 'SCHEMA_NOT_FOUND', message: 'No such schema.' }],
  });
}
