import Database from 'better-sqlite3';
import { MongoClient } from 'mongodb';
import mysql from 'mysql2/promise';
import postgres from 'postgres';
import { OneSocket } from './one-socket.ts';
import type { DriverTarget } from './target.ts';
import { Teardown } from './teardown.ts';
import { postgresTls, tlsFailure } from './tls.ts';

/** An open connection of the target's kind, closed by `withDriver` after use. */
export type DriverHandle =
  | { type: 'postgresql'; sql: postgres.Sql }
  | { type: 'mysql'; connection: mysql.Connection }
  | { type: 'sqlite'; db: Database.Database }
  | { type: 'mongodb'; client: MongoClient; database: string };

const DEFAULT_PORTS = { postgresql: 5432, mysql: 3306 } as const;

/**
 * Connects with the driver for `target.type`, runs `use`, and always disconnects. The deadline
 * covers everything, connecting included: when it fires, the driver is torn down (its socket
 * destroyed, its client closed) rather than left connecting in the background.
 */
export async function withDriver<T>(
  target: DriverTarget,
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

async function connectAndUse<T>(
  target: DriverTarget,
  timeoutMs: number,
  use: (handle: DriverHandle) => Promise<T>,
  teardown: Teardown,
): Promise<T> {
  switch (target.type) {
    case 'postgresql': {
      const socket = oneSocket(target.address, target.port ?? DEFAULT_PORTS.postgresql, teardown);
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
      const socket = oneSocket(target.address, target.port ?? DEFAULT_PORTS.mysql, teardown);
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
      const db = new Database(target.file, { readonly: true, fileMustExist: true });
      teardown.add(() => db.close());
      return await use({ type: 'sqlite', db });
    }
    case 'mongodb': {
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
function oneSocket(address: string, port: number, teardown: Teardown): OneSocket {
  const socket = new OneSocket(address, port);
  teardown.add(() => socket.destroy());
  return socket;
}
