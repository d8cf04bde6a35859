import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { quoteIdent, quotePostgresLiteral } from '@schema-builder/schema-model/sql';
import postgres from 'postgres';
import { BENCH_APPLICATION_NAME } from './database.ts';

const run = promisify(execFile);

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

const freshName = (prefix: string) => `${prefix}_${randomBytes(5).toString('hex')}`;

export interface PsqlBaseline {
  /** One provisioning by hand; its duration in ms. The database and role are dropped after, untimed. */
  once: () => Promise<number>;
  close: () => Promise<void>;
}

/**
 * What a person would do by hand: one `psql` for CREATE ROLE … LOGIN PASSWORD, CREATE DATABASE
 * … OWNER and REVOKE CONNECT, TEMPORARY … FROM PUBLIC (three -c, so three statements outside
 * any transaction), then `psql -1 -f ddl.sql` on the new database, as the admin.
 */
export async function openPsqlBaseline(serverUrl: string, ddl: string): Promise<PsqlBaseline> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sbbench-'));
  const file = path.join(dir, 'ddl.sql');
  await writeFile(file, ddl);
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  return {
    async once() {
      const name = freshName('sbraw');
      const ident = quoteIdent(name);
      const start = performance.now();
      await run('psql', [
        serverUrl,
        '-qX',
        '-v',
        'ON_ERROR_STOP=1',
        '-c',
        `CREATE ROLE ${ident} LOGIN PASSWORD ${quotePostgresLiteral(randomBytes(24).toString('base64url'))}`,
        '-c',
        `CREATE DATABASE ${ident} OWNER ${ident} TEMPLATE template0`,
        '-c',
        `REVOKE CONNECT, TEMPORARY ON DATABASE ${ident} FROM PUBLIC`,
      ]);
      await run('psql', [withDatabase(serverUrl, name), '-qX', '-v', 'ON_ERROR_STOP=1', '-1', '-f', file]);
      const duration = performance.now() - start;
      await admin.unsafe(`DROP DATABASE ${ident} WITH (FORCE)`);
      await admin.unsafe(`DROP ROLE ${ident}`);
      return duration;
    },
    async close() {
      await admin.end({ timeout: 5 });
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * `server_version_num` (e.g. 150020) and the client sessions other than this one open on the
 * server (anything else running there, e.g. tests, skews the figures).
 */
export async function serverInfo(serverUrl: string): Promise<{ version: number; otherSessions: number }> {
  const sql = postgres(serverUrl, {
    max: 1,
    onnotice: () => {},
    connection: { application_name: BENCH_APPLICATION_NAME },
  });
  try {
    const [row] = await sql<{ version: number; others: number }[]>`
      SELECT current_setting('server_version_num')::int AS version,
             (SELECT count(*)::int FROM pg_stat_activity
              WHERE backend_type = 'client backend' AND application_name <> ${BENCH_APPLICATION_NAME}) AS others`;
    return { version: row?.version ?? 0, otherSessions: row?.others ?? 0 };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * CREATE DATABASE alone, WAL_LOG and FILE_COPY (PostgreSQL 15+) run by run in turn, from
 * `template0` and from a template that already holds the design (built once, as a template per
 * design version would be); applying the DDL to an empty database (what such a template saves);
 * and claiming a database from a warm pool of empty ones (rename + change owner). Durations in ms.
 */
export async function createDatabaseFigures(
  serverUrl: string,
  ddl: string,
  runs: number,
): Promise<Record<string, number[]>> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const template = freshName('sbtpl');
  const role = freshName('sbpool');
  const figures: Record<string, number[]> = {};
  const record = (label: string, ms: number) => {
    figures[label] = [...(figures[label] ?? []), ms];
  };
  const timed = async (label: string, work: () => Promise<unknown>) => {
    const start = performance.now();
    await work();
    record(label, performance.now() - start);
  };
  const drop = (name: string) => admin.unsafe(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  const createFrom = async (from: string, label: string) => {
    for (const strategy of ['WAL_LOG', 'FILE_COPY'] as const) {
      const name = freshName('sbcreate');
      await timed(`CREATE DATABASE … TEMPLATE ${label} STRATEGY ${strategy}`, () =>
        admin.unsafe(
          `CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(from)} STRATEGY = ${strategy}`,
        ),
      );
      await drop(name);
    }
  };
  try {
    await admin.unsafe(`CREATE DATABASE ${quoteIdent(template)} TEMPLATE template0`);
    const built = postgres(withDatabase(serverUrl, template), { max: 1, onnotice: () => {} });
    await built.begin((tx) => tx.unsafe(ddl));
    await built.end({ timeout: 5 });
    await admin.unsafe(`CREATE ROLE ${quoteIdent(role)} LOGIN`);
    for (let i = 0; i < runs; i++) {
      await createFrom('template0', 'template0');
      await createFrom(template, '<design template>');

      const empty = freshName('sbddl');
      await admin.unsafe(`CREATE DATABASE ${quoteIdent(empty)} TEMPLATE template0`);
      const db = postgres(withDatabase(serverUrl, empty), { max: 1, onnotice: () => {} });
      await db`SELECT 1`;
      await timed('the DDL in one transaction (connected, empty database)', () =>
        db.begin((tx) => tx.unsafe(ddl)),
      );
      await db.end({ timeout: 5 });

      const claimed = freshName('sbclaimed');
      await timed('warm pool: ALTER DATABASE <pooled> RENAME TO …; ALTER DATABASE … OWNER TO …', async () => {
        await admin.unsafe(`ALTER DATABASE ${quoteIdent(empty)} RENAME TO ${quoteIdent(claimed)}`);
        await admin.unsafe(`ALTER DATABASE ${quoteIdent(claimed)} OWNER TO ${quoteIdent(role)}`);
      });
      await drop(claimed);
    }
  } finally {
    await drop(template);
    await admin.unsafe(`DROP ROLE IF EXISTS ${quoteIdent(role)}`);
    await admin.end({ timeout: 5 });
  }
  return figures;
}
