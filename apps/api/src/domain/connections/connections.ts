import type { ConnectionRow, Database } from '@schema-builder/db';
import { CONNECTIONS_OWNER_NAME_KEY, connections, isUniqueViolation } from '@schema-builder/db';
import type { SecretBox } from '@schema-builder/provisioning';
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { ErrorDetail } from '../../errors/codes.ts';
import { AppError } from '../../errors/codes.ts';
import type { KeysetOrder } from '../pagination/keyset.ts';
import { afterCursor, cursorKeyOf, orderOf, rowsFor, toPage } from '../pagination/keyset.ts';
import type { PageInput } from '../pagination/page.ts';
import { connectionStringProblem } from './connection-string.ts';
import type { ConnectionInput, ConnectionPatch, ConnectionResource } from './types.ts';
import { CONNECTION_TYPES, SSL_MODES, type SslMode } from './types.ts';

/** A PostgreSQL connection's TLS mode (`prefer` for a value this version does not know). */
export function sslModeOf(row: ConnectionRow): SslMode {
  return SSL_MODES.find((mode) => mode === row.sslMode) ?? 'prefer';
}

/** A sealed secret is bound to its row: copied into another row it no longer opens. */
export const secretAad = (id: string) => `connection:${id}`;

export function toConnectionResource(row: ConnectionRow): ConnectionResource {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    type: CONNECTION_TYPES.find((type) => type === row.type) ?? 'postgresql',
    host: row.host,
    port: row.port,
    database: row.database,
    username: row.username,
    hasSecret: row.secretSealed !== null,
    usesConnectionString: row.usesConnectionString,
    sslMode: row.type === 'postgresql' ? sslModeOf(row) : null,
    sslRootCert: row.type === 'postgresql' ? row.sslRootCert : null,
    color: row.color,
    active: row.active,
    lastTestedAt: row.lastTestedAt?.toISOString() ?? null,
    lastTestResult: row.lastTestResult,
    lastTestLatencyMs: row.lastTestLatencyMs,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function connectionNotFound(id: string): AppError {
  return new AppError('CONNECTION_NOT_FOUND', `No connection with id ${id}.`, {
    details: [{ path: 'id', code: 'CONNECTION_NOT_FOUND', message: 'No such connection.' }],
  });
}

/** What host/port/database/user a connection string names (its password stays sealed). */
function describeConnectionString(text: string): Partial<ConnectionRow> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid('connectionString', 'must be a URL such as postgres://user:password@host:5432/db');
  }
  return {
    host: url.hostname || null,
    port: url.port ? Number(url.port) : null,
    database: decodeURIComponent(url.pathname.replace(/^\//, '')) || null,
    username: decodeURIComponent(url.username) || null,
  };
}

/**
 * Refuses a connection string that names more than the one host the policy checks (other hosts,
 * files, credential sources): on save, and again before connecting with a stored one.
 */
export function assertConnectionString(type: ConnectionInput['type'], text: string): void {
  const problem = type === 'sqlite' ? undefined : connectionStringProblem(type, text);
  if (problem) throw invalid('connectionString', problem);
}

function invalid(path: string, message: string): AppError {
  const details: ErrorDetail[] = [{ path, code: 'INVALID_VALUE', message }];
  return new AppError('VALIDATION_ERROR', 'The connection is incomplete or inconsistent.', { details });
}

/** The columns for a complete connection description (create, or patch merged onto a row). */
export function columnsOf(input: ConnectionInput): Partial<ConnectionRow> {
  if (input.connectionString) {
    if (input.type === 'sqlite')
      throw invalid('connectionString', 'SQLite connections take a file path in "database".');
    assertConnectionString(input.type, input.connectionString);
    return { ...describeConnectionString(input.connectionString), usesConnectionString: true };
  }
  if (input.type === 'sqlite') {
    if (!input.database) throw invalid('database', 'is required: the SQLite file path.');
    return { host: null, port: null, database: input.database, username: null, usesConnectionString: false };
  }
  if (!input.host) throw invalid('host', 'is required (or give a connectionString).');
  return {
    host: input.host,
    port: input.port ?? null,
    database: input.database ?? null,
    username: input.username ?? null,
    usesConnectionString: false,
  };
}

/**
 * The TLS columns: PostgreSQL only. The mode comes from `sslMode`, else from a connection
 * string's `sslmode`, else stays as it was (`prefer` for a new connection).
 */
export function tlsColumnsOf(
  input: Pick<ConnectionInput, 'type' | 'connectionString' | 'sslMode'> & { sslRootCert?: string | null },
): Partial<ConnectionRow> {
  if (input.type !== 'postgresql') {
    if (input.sslMode !== undefined || input.sslRootCert)
      throw invalid(
        input.sslMode !== undefined ? 'sslMode' : 'sslRootCert',
        'applies to PostgreSQL connections only.',
      );
    return {};
  }
  const fromUrl = input.connectionString ? sslModeOfUrl(input.connectionString) : undefined;
  const sslMode = input.sslMode ?? fromUrl;
  return {
    ...(sslMode !== undefined ? { sslMode } : {}),
    ...(input.sslRootCert !== undefined ? { sslRootCert: input.sslRootCert } : {}),
  };
}

/** A connection string's `sslmode`, when it has one we support. */
function sslModeOfUrl(text: string): SslMode | undefined {
  const value = URL.canParse(text) ? new URL(text).searchParams.get('sslmode') : null;
  if (value === null) return undefined;
  const mode = SSL_MODES.find((candidate) => candidate === value);
  if (!mode)
    throw invalid('connectionString', `sslmode=${value} is not supported: use ${SSL_MODES.join(', ')}.`);
  return mode;
}

export interface ConnectionOptions {
  db: Database;
  secrets: SecretBox;
  ownerId: string;
}

export async function createConnection({
  db,
  secrets,
  ownerId,
  input,
}: ConnectionOptions & { input: ConnectionInput }) {
  const columns = columnsOf(input);
  const secret = input.connectionString ?? input.password;
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(connections)
        .values({
          ownerId,
          name: input.name,
          description: input.description ?? '',
          type: input.type,
          color: input.color ?? null,
          active: input.active ?? true,
          ...columns,
          ...tlsColumnsOf(input),
        })
        .returning();
      if (!row) throw new Error('INSERT … RETURNING returned no row');
      if (secret === undefined) return toConnectionResource(row);
      const [sealed] = await tx
        .update(connections)
        .set({ secretSealed: secrets.seal(secret, secretAad(row.id)) })
        .where(eq(connections.id, row.id))
        .returning();
      return toConnectionResource(sealed ?? row);
    });
  } catch (error) {
    throw duplicateOr(error, input.name);
  }
}

export async function findConnection(db: Database, ownerId: string, id: string): Promise<ConnectionRow> {
  const [row] = await db
    .select()
    .from(connections)
    .where(and(eq(connections.id, id), eq(connections.ownerId, ownerId)));
  if (!row) throw connectionNotFound(id);
  return row;
}

const NEWEST_FIRST: KeysetOrder = {
  name: 'connections',
  columns: [connections.createdAt, connections.id],
  direction: 'desc',
};

/** A page of the owner's connections, newest first. */
export async function listConnections({
  db,
  ownerId,
  ...page
}: Pick<ConnectionOptions, 'db' | 'ownerId'> & PageInput) {
  const rows = await db
    .select({ ...getTableColumns(connections), cursorKey: cursorKeyOf(NEWEST_FIRST) })
    .from(connections)
    .where(and(eq(connections.ownerId, ownerId), afterCursor(NEWEST_FIRST, page.cursor)))
    .orderBy(...orderOf(NEWEST_FIRST))
    .limit(rowsFor(page));
  return toPage(NEWEST_FIRST, page, rows, toConnectionResource);
}

const TARGET_FIELDS = ['type', 'host', 'port', 'database', 'username', 'connectionString'] as const;

/** Changes what is given; a new password or connection string replaces the sealed one. */
export async function updateConnection(
  options: ConnectionOptions & { id: string; patch: ConnectionPatch },
): Promise<ConnectionResource> {
  const { db, secrets, ownerId, id, patch } = options;
  const current = await findConnection(db, ownerId, id);
  const targetChanged = TARGET_FIELDS.some((field) => patch[field] !== undefined);
  if (targetChanged && current.usesConnectionString && !patch.connectionString) {
    throw invalid(
      'connectionString',
      'this connection is described by its connection string: send a new one.',
    );
  }
  const merged: ConnectionInput = {
    name: patch.name ?? current.name,
    type: patch.type ?? (current.type as ConnectionInput['type']),
    host: patch.host ?? current.host ?? undefined,
    port: patch.port ?? current.port ?? undefined,
    database: patch.database ?? current.database ?? undefined,
    username: patch.username ?? current.username ?? undefined,
    connectionString: patch.connectionString,
  };
  const secret = patch.connectionString ?? patch.password;
  try {
    const [row] = await db
      .update(connections)
      .set({
        name: merged.name,
        type: merged.type,
        ...(targetChanged ? columnsOf(merged) : {}),
        ...tlsColumnsOf({ ...patch, type: merged.type }),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        ...(patch.color !== undefined ? { color: patch.color } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
        ...(secret !== undefined ? { secretSealed: secrets.seal(secret, secretAad(id)) } : {}),
        updatedAt: sql`now()`,
      })
      .where(and(eq(connections.id, id), eq(connections.ownerId, ownerId)))
      .returning();
    if (!row) throw connectionNotFound(id);
    return toConnectionResource(row);
  } catch (error) {
    throw duplicateOr(error, merged.name);
  }
}

export async function deleteConnection({
  db,
  ownerId,
  id,
}: Pick<ConnectionOptions, 'db' | 'ownerId'> & { id: string }) {
  const [row] = await db
    .delete(connections)
    .where(and(eq(connections.id, id), eq(connections.ownerId, ownerId)))
    .returning({ id: connections.id });
  if (!row) throw connectionNotFound(id);
  return { id: row.id, deleted: true as const };
}

function duplicateOr(error: unknown, name: string): unknown {
  if (!isUniqueViolation(error, CONNECTIONS_OWNER_NAME_KEY)) return error;
  return new AppError('DUPLICATE_NAME', `You already have a connection named "${name}".`, {
    details: [{ path: 'name', code: 'DUPLICATE_NAME', message: 'Choose another name.' }],
    cause: error,
  });
}

/** Sync and import read through active connections only: deactivating one pauses its use. */
export function assertActive(row: ConnectionRow): void {
  if (row.active) return;
  throw new AppError('CONNECTION_INACTIVE', `Connection "${row.name}" is deactivated; activate it first.`, {
    details: [{ path: 'active', code: 'CONNECTION_INACTIVE', message: 'Set "active": true to use it.' }],
  });
}
