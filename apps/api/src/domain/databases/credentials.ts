import { databaseUrl } from '@schema-builder/provisioning';
import { z } from 'zod';
import { AppError } from '../../errors/codes.ts';
import type { User } from '../auth/principal.ts';
import type { DatabaseServices } from './dependencies.ts';
import { databaseNotFound, databaseNotReady } from './errors.ts';
import { STATUS_TRAITS } from './lifecycle.ts';
import { findDatabaseOfSchema } from './repository.ts';

export const CredentialsSchema = z
  .object({
    host: z.string(),
    port: z.number().int(),
    database: z.string(),
    user: z.string(),
    password: z.string(),
    /** postgresql://user:password@host:port/database */
    url: z.string(),
  })
  .meta({ id: 'DatabaseCredentials' });

export type Credentials = z.infer<typeof CredentialsSchema>;

/** The connection string of the design's database: the one place a password leaves the service. */
export async function getCredentials({
  services,
  user,
  schemaId,
}: {
  services: Pick<DatabaseServices, 'db' | 'targets' | 'secrets'>;
  user: User;
  schemaId: string;
}): Promise<Credentials> {
  const row = await findDatabaseOfSchema(services.db, user.id, schemaId);
  if (!row) throw databaseNotFound(schemaId);
  if (row.version === null || !STATUS_TRAITS[row.status].connectable)
    throw databaseNotReady(row, 'connecting');
  if (row.nextPasswordSealed !== null)
    throw new AppError('DATABASE_BUSY', 'A new password is being set; ask again in a moment.', {
      details: [{ path: 'id', code: 'DATABASE_BUSY', message: 'Credentials are being rotated.' }],
    });
  const target = services.targets.find(row.target);
  if (!target)
    throw new AppError('SERVICE_UNAVAILABLE', `Server ${row.target} is not configured on this API instance.`);
  const server = new URL(target.adminUrl);
  const password = services.secrets.open(row.passwordSealed, row.id);
  const url = new URL(databaseUrl(target.adminUrl, row.databaseName));
  url.username = encodeURIComponent(row.roleName);
  url.password = encodeURIComponent(password);
  // Keep TLS settings of the server's URL; other parameters are the admin connection's own.
  const sslmode = server.searchParams.get('sslmode');
  url.search = sslmode ? `?sslmode=${encodeURIComponent(sslmode)}` : '';
  return {
    host: server.hostname,
    port: Number(server.port || 5432),
    database: row.databaseName,
    user: row.roleName,
    password,
    url: url.toString(),
  };
}
