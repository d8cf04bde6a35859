import type { ConnectionRow, Database } from '@schema-builder/db';
import { connections } from '@schema-builder/db';
import type { DriverTarget, DriverType } from '@schema-builder/drivers';
import type { SecretBox } from '@schema-builder/provisioning';
import { eq, sql } from 'drizzle-orm';
import { assertConnectionString, findConnection, secretAad, sslModeOf } from './connections.ts';
import type { HostPolicy } from './host-policy.ts';
import type { ProbeCode, ProbeResult } from './probe.ts';
import { confinedPath, PROBE_MESSAGES, probe } from './probe.ts';
import type { SslMode } from './types.ts';

export interface TestConnectionOptions {
  db: Database;
  secrets: SecretBox;
  policy: HostPolicy;
  sqliteDir: string | undefined;
  timeoutMs: number;
  ownerId: string;
  id: string;
}

export type ProbeRefusal = Extract<ProbeResult, { ok: false }>;

const refuse = (code: ProbeCode): ProbeRefusal => ({
  ok: false,
  code,
  message: PROBE_MESSAGES[code],
});

/**
 * Tries a saved connection: checks where it points (once-resolved address, confined SQLite
 * path), opens it with a bounded timeout, and records the outcome on the row.
 */
export async function testConnection(options: TestConnectionOptions): Promise<ProbeResult> {
  const row = await findConnection(options.db, options.ownerId, options.id);
  const result = await run(row, options);
  await options.db
    .update(connections)
    .set({
      lastTestedAt: sql`now()`,
      lastTestResult: result.ok ? 'OK' : result.code,
      lastTestLatencyMs: result.ok ? Math.round(result.latencyMs) : null,
    })
    .where(eq(connections.id, row.id));
  return result;
}

async function run(row: ConnectionRow, options: TestConnectionOptions): Promise<ProbeResult> {
  const target = await resolveTarget(row, options);
  return 'ok' in target ? target : probe(target, options.timeoutMs);
}

export type TargetOptions = Pick<TestConnectionOptions, 'secrets' | 'policy' | 'sqliteDir'>;

/** Where a connection points, with its secret open: a saved row's, or input not saved. */
export interface DescribedTarget {
  type: ConnectionRow['type'];
  host: string | null;
  port: number | null;
  database: string | null;
  username: string | null;
  usesConnectionString: boolean;
  /** The password, or the whole connection string when `usesConnectionString`. */
  secret: string | undefined;
  sslMode: SslMode;
  sslRootCert: string | null;
}

/**
 * Where and how to connect for a saved connection: its secret opened, then as `resolveDescribed`.
 * A refusal comes back as a failed probe result.
 */
export async function resolveTarget(
  row: ConnectionRow,
  options: TargetOptions,
  database: string | null = row.database,
): Promise<DriverTarget | ProbeRefusal> {
  let secret: string | undefined;
  try {
    secret =
      row.secretSealed === null ? undefined : options.secrets.open(row.secretSealed, secretAad(row.id));
  } catch {
    return refuse('SECRET_UNREADABLE');
  }
  return resolveDescribed({ ...row, secret, sslMode: sslModeOf(row) }, options, database);
}

/**
 * Its host resolved once and checked against the policy (the driver then connects to that
 * address), a SQLite path confined. A refusal comes back as a failed probe result.
 */
export async function resolveDescribed(
  row: DescribedTarget,
  options: Pick<TargetOptions, 'policy' | 'sqliteDir'>,
  database: string | null = row.database,
): Promise<DriverTarget | ProbeRefusal> {
  const { secret } = row;
  if (row.type === 'sqlite') {
    const file =
      options.sqliteDir && row.database ? await confinedPath(options.sqliteDir, row.database) : undefined;
    return file ? { type: 'sqlite', file } : refuse('PATH_NOT_ALLOWED');
  }
  const type = row.type as Exclude<DriverType, 'sqlite'>;
  // Stored strings are checked again: a row saved before a rule existed must not bypass it.
  if (row.usesConnectionString && secret) assertConnectionString(type, secret);
  const connectionUrl = row.usesConnectionString && secret ? new URL(secret) : undefined;
  const host = connectionUrl?.hostname ?? row.host;
  if (!host) return refuse('FAILED');
  const verdict = await options.policy.check(host);
  if (!verdict.ok) return refuse(verdict.code);
  // Connect to the address that was checked, not to a name that could resolve differently now.
  const urlHost = verdict.address.includes(':') ? `[${verdict.address}]` : verdict.address;
  if (connectionUrl) connectionUrl.hostname = urlHost;
  if (type === 'mongodb') {
    const auth = row.username
      ? `${encodeURIComponent(row.username)}:${encodeURIComponent(secret ?? '')}@`
      : '';
    const connectionString = connectionUrl?.toString() ?? `mongodb://${auth}${urlHost}:${row.port ?? 27017}/`;
    return { type, connectionString, database };
  }
  const server = {
    address: verdict.address,
    port: connectionUrl?.port ? Number(connectionUrl.port) : row.port,
    database,
    username: connectionUrl ? decodeURIComponent(connectionUrl.username) : row.username,
    password: connectionUrl ? decodeURIComponent(connectionUrl.password) : secret,
  };
  return type === 'postgresql'
    ? { type, ...server, tls: { mode: row.sslMode, rootCert: row.sslRootCert, host } }
    : { type, ...server };
}
