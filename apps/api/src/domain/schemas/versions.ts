import type { Database } from '@schema-builder/db';
import type { DesignDocument } from '@schema-builder/schema-model/design';
import { AppError } from '../../errors/codes.ts';
import type { User } from '../auth/principal.ts';
import { toPage } from '../pagination/keyset.ts';
import type { PageInput } from '../pagination/page.ts';
import { findSchema, findVersion, listVersions, VERSION_ORDER } from './repository.ts';
import { schemaNotFound } from './schema-not-found.ts';

interface VersionRow {
  version: number;
  createdAt: Date;
  createdBy: string;
  changeNote: string | null;
}

const toSummary = ({ version, createdAt, createdBy, changeNote }: VersionRow) => ({
  version,
  createdAt: createdAt.toISOString(),
  createdBy,
  changeNote,
});

export interface ListVersionsOptions extends PageInput {
  db: Database;
  user: User;
  id: string;
}

export async function listSchemaVersions({ db, user, id, ...page }: ListVersionsOptions) {
  const rows = await listVersions(db, user.id, id, page);
  if (!rows) throw schemaNotFound(id);
  return toPage(VERSION_ORDER, page, rows, toSummary);
}

export interface GetVersionOptions {
  db: Database;
  user: User;
  id: string;
  version: number;
}

export async function getSchemaVersion({ db, user, id, version }: GetVersionOptions) {
  const row = await findVersion(db, user.id, id, version);
  if (row) return { ...toSummary(row), definition: row.definition as DesignDocument };
  if (!(await findSchema(db, user.id, id))) throw schemaNotFound(id);
  throw new AppError('VERSION_NOT_FOUND', `Schema ${id} has no version ${version}.`, {
    details: [{ path: 'version', code: 'VERSION_NOT_FOUND', message: 'No such version.' }],
  });
}
