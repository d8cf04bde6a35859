import { realpath } from 'node:fs/promises';
import { isIP } from 'node:net';
import path from 'node:path';
import { checkServerIdentity, type PeerCertificate, rootCertificates } from 'node:tls';
import Database from 'better-sqlite3';
import { MongoClient } from 'mongodb';
import mysql from 'mysql2/promise';
import postgres from 'postgres';
import { OneSocket, ReconnectRefused } from './one-socket.ts';
import type { SslMode } from './types.ts';

/** What a connection test reports: stable codes, never the server's own text. */
export const PROBE_CODES = [
  'HOST_NOT_ALLOWED',
  'HOST_NOT_FOUND',
  'UNREACHABLE',
  'AUTH_FAILED',
  'DATABASE_NOT_FOUND',
  'PATH_NOT_ALLOWED',
  'SECRET_UNREADABLE',
  'TLS_FAILED',
  'FAILED',
] as const;
export type ProbeCode = (typeof PROBE_CODES)[number];

export type ProbeResult = { ok: true; latencyMs: number } | { ok: false; code: ProbeCode; message: string };

export const PROBE_MESSAGES: Record<ProbeCode, string> = {
  HOST_NOT_ALLOWED: 'Connections to local, private or internal addresses are not allowed here.',
  HOST_NOT_FOUND: 'The host name does not resolve.',
  UNREACHABLE: 'No database answered at that address and port in time.',
  AUTH_FAILED: 'The server refused the user name or password.',
  DATABASE_NOT_FOUND: 'The server has no database by that name.',
  PATH_NOT_ALLOWED: 'SQLite files must be inside the directory this service is configured for.',
  SECRET_UNREADABLE: 'The stored password cannot be read (the secret key changed?). Save it again.',
  TLS_FAILED:
    'No trusted TLS connection: the server does not accept TLS, or its certificate is not trusted (sslRootCert) or not for this host.',
  FAILED: 'The connection failed.',
};

export interface ProbeTarget {
  type: 'postgresql' | 'mysql' | 'sqlite' | 'mongodb';
  /** The resolved address to connect to (never re-resolved). */
  address?: string;
  port?: number | null;
  database?: string | null;
  username?: string | null;
  password?: string | null;
  /** For MongoDB: the connection string with its host replaced by `address`. */
  connectionString?: string | null;
  /** PostgreSQL's TLS: the mode, extra trusted certificates, and the host name to verify. */
  tls?: { mode: SslMode; rootCert: string | null; host: string };
}

const DEFAULT_PORTS = { postgresql: 5432, mysql: 3306, mongodb: 27017 } as const;

/** Opens a connection, runs the cheapest query there is, closes it; bounded by `timeoutMs`. */
export async function probe(target: ProbeTarget, timeoutMs: number): Promise<ProbeResult> {
  const started = performance.now();
  try {
    await withDriver(target, timeoutMs, ping);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    const code = probeCodeOf(error);
    return { ok: false, code, message: PROBE_MESSAGES[code] };
  }
}

/** An open connection of the target's kind, closed by `withDriver` after use. */
export type DriverHandle =
  | { type: 'postgresql'; sql: postgres.Sql }
  | { type: 'mysql'; connection: mysql.Connection }
  | { type: 'sqlite'; db: Database.Database }
  | { type: 'mongodb'; client: MongoClient; database: string };

async function ping(handle: DriverHandle): Promise<void> {
  switch (handle.type) {
    case 'postgresql':
      await handle.sql`SELECT 1`;
      return;
    case 'mysql':
      await handle.connection.query('SELECT 1');
      return;
    case 'sqlite':
      handle.db.prepare('SELECT 1').get();
      return;
    case 'mongodb':
      await handle.client.db(handle.database).command({ ping: 1 });
  }
}

/**
 * Connects with the driver for `target.type`, runs `use`, and always disconnects. The deadline
 * covers everything, connecting included: when it fires, the driver is torn down (its socket
 * destroyed, its client closed) rather than left connecting in the background.
 */
export async function withDriver<T>(
  target: ProbeTarget,
  timeoutMs: number,
  use: (handle: DriverHandle) => Promise<T>,
): Promise<T> {
  const teardown = new Teardown();
  const work = connectAndUse(target, timeoutMs, use, teardown);
  // When the deadline wins, the abandoned attempt fails as it is torn down: expected, not unhandled.
  work.catch(() => {});
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error('timed out'), { name: 'TimeoutError' })),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
    await teardown.run();
  }
}

/** How long one teardown step may take before the next (destroying the socket) goes ahead. */
const TEARDOWN_STEP_MS = 1000;

/**
 * What closes a driver: run once, when the work is done or the deadline fired, whichever first.
 * Last added runs first — the client says goodbye, then its socket is destroyed — and no step
 * waits on a silent server for longer than TEARDOWN_STEP_MS.
 */
class Teardown {
  private readonly steps: Array<() => unknown> = [];

  add(step: () => unknown): void {
    this.steps.push(step);
  }

  async run(): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) {
      let timer: NodeJS.Timeout | undefined;
      const bound = new Promise((resolve) => {
        timer = setTimeout(resolve, TEARDOWN_STEP_MS);
      });
      await Promise.race([Promise.resolve().then(step), bound]).catch(() => {});
      clearTimeout(timer);
    }
  }
}

async function connectAndUse<T>(
  target: ProbeTarget,
  timeoutMs: number,
  use: (handle: DriverHandle) => Promise<T>,
  teardown: Teardown,
): Promise<T> {
  switch (target.type) {
    case 'postgresql': {
      const socket = oneSocket(target, DEFAULT_PORTS.postgresql, teardown);
      const options: postgres.Options<Record<string, never>> & { socket: OneSocket['open'] } = {
        // postgres.js never connects by itself: it gets our one socket to the checked address.
        socket: socket.open,
        database: target.database ?? 'postgres',
        username: target.username ?? undefined,
        password: target.password ?? undefined,
        max: 1,
        connect_timeout: Math.max(1, Math.ceil(timeoutMs / 1000)),
        onnotice: () => {},
        ssl: postgresTls(target.tls),
      };
      const sql = postgres(options);
      teardown.add(() => sql.end({ timeout: 0 }));
      try {
        return await use({ type: 'postgresql', sql });
      } catch (error) {
        throw tlsFailure(target.tls, error) ?? error;
      }
    }
    case 'mysql': {
      const socket = oneSocket(target, DEFAULT_PORTS.mysql, teardown);
      const connection = await mysql.createConnection({
        stream: socket.open,
        database: target.database ?? undefined,
        user: target.username ?? undefined,
        password: target.password ?? undefined,
        connectTimeout: timeoutMs,
        // LOCAL INFILE stays off at the protocol level: a hostile server cannot read our files.
        flags: ['-LOCAL_FILES'],
      });
      // A failure after the handshake with no query waiting is emitted as 'error': not a crash.
      connection.on('error', () => {});
      teardown.add(async () => {
        await connection.end().catch(() => {});
        connection.destroy();
      });
      return await use({ type: 'mysql', connection });
    }
    case 'sqlite': {
      if (!target.database) throw new ProbeError('PATH_NOT_ALLOWED');
      const db = new Database(target.database, { readonly: true, fileMustExist: true });
      teardown.add(() => db.close());
      return await use({ type: 'sqlite', db });
    }
    case 'mongodb': {
      if (!target.connectionString) throw new ProbeError('FAILED');
      // The driver has no socket hook: it gets the checked address in the URL, one host, no
      // discovery of others, no retries, and is closed (monitors included) when we are done.
      const client = new MongoClient(target.connectionString, {
        directConnection: true,
        serverSelectionTimeoutMS: timeoutMs,
        connectTimeoutMS: timeoutMs,
        maxPoolSize: 1,
        retryReads: false,
        retryWrites: false,
      });
      // Nothing of the driver's may become an uncaught error: its failures reach us through connect().
      client.on('error', () => {});
      teardown.add(() => client.close(true));
      await client.connect();
      return await use({ type: 'mongodb', client, database: target.database ?? 'admin' });
    }
  }
}

/** The one connection of this attempt, to the checked address; destroyed on teardown. */
function oneSocket(target: ProbeTarget, defaultPort: number, teardown: Teardown): OneSocket {
  if (!target.address) throw new ProbeError('FAILED');
  const socket = new OneSocket(target.address, target.port ?? defaultPort);
  teardown.add(() => socket.destroy());
  return socket;
}

/** postgres.js's `ssl` for a TLS mode (what libpq's sslmode means, minus `allow`). */
function postgresTls(tls: ProbeTarget['tls']): postgres.Options<Record<string, never>>['ssl'] {
  if (!tls || tls.mode === 'disable') return false;
  if (tls.mode === 'prefer' || tls.mode === 'require') return tls.mode;
  const verifyHost = tls.mode === 'verify-full';
  return {
    rejectUnauthorized: true,
    // Extra trusted certificates add to the system's instead of replacing them.
    ...(tls.rootCert ? { ca: [...rootCertificates, tls.rootCert] } : {}),
    // We connect to the checked address; the certificate is checked against the saved name.
    ...(isIP(tls.host) ? {} : { servername: tls.host }),
    checkServerIdentity: (_address: string, certificate: PeerCertificate) =>
      verifyHost ? checkServerIdentity(tls.host, certificate) : undefined,
  };
}

/** Node's TLS and X.509 verification error codes (UNABLE_TO_VERIFY_LEAF_SIGNATURE, CERT_HAS_EXPIRED…). */
const TLS_ERROR =
  /CERT|CRL|SSL|TLS|EPROTO|UNABLE_TO_|INVALID_CA|INVALID_PURPOSE|PATH_LENGTH|HOSTNAME_MISMATCH/;

/** A failure to set up the TLS the mode demands, as TLS_FAILED. */
function tlsFailure(tls: ProbeTarget['tls'], error: unknown): ProbeError | undefined {
  if (!tls || tls.mode === 'disable' || tls.mode === 'prefer') return undefined;
  const code = typeof error === 'object' && error && 'code' in error ? String(error.code) : '';
  // A server without TLS answers the TLS handshake by closing: postgres.js reports ECONNRESET.
  return TLS_ERROR.test(code) || code === 'ECONNRESET'
    ? new ProbeError('TLS_FAILED', { cause: error })
    : undefined;
}

/** A path below `directory`, after resolving links; undefined when it escapes or is missing. */
export async function confinedPath(directory: string, file: string): Promise<string | undefined> {
  const root = await realpath(directory).catch(() => undefined);
  const resolved = await realpath(path.resolve(directory, file)).catch(() => undefined);
  if (!root || !resolved) return undefined;
  return resolved.startsWith(`${root}${path.sep}`) ? resolved : undefined;
}

/** A probe failure by its stable code; `cause` keeps the driver's error (for logs, never clients). */
export class ProbeError extends Error {
  override readonly name = 'ProbeError';
  constructor(
    readonly code: ProbeCode,
    options?: ErrorOptions,
  ) {
    super(code, options);
  }
}

/** Driver errors to stable codes: by SQLSTATE / errno / error code, never by message text. */
export function probeCodeOf(error: unknown): ProbeCode {
  if (error instanceof ProbeError) return error.code;
  if (error instanceof ReconnectRefused) return 'UNREACHABLE';
  const code = typeof error === 'object' && error && 'code' in error ? String(error.code) : '';
  const errno = typeof error === 'object' && error && 'errno' in error ? Number(error.errno) : 0;
  if (['28P01', '28000', 'ER_ACCESS_DENIED_ERROR', 'ER_DBACCESS_DENIED_ERROR'].includes(code))
    return 'AUTH_FAILED';
  if (errno === 1045) return 'AUTH_FAILED';
  if (code === '3D000' || code === 'ER_BAD_DB_ERROR' || code === 'SQLITE_CANTOPEN')
    return 'DATABASE_NOT_FOUND';
  if (error instanceof Error && error.name === 'MongoServerError' && code === '18') return 'AUTH_FAILED';
  if (['ENOTFOUND', 'EAI_AGAIN'].includes(code)) return 'HOST_NOT_FOUND';
  if (
    ['ECONNREFUSED', 'ETIMEDOUT', 'CONNECT_TIMEOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET'].includes(
      code,
    ) ||
    (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'MongoServerSelectionError'))
  ) {
    return 'UNREACHABLE';
  }
  return 'FAILED';
}
