/**
 * For this package's end-to-end tests (nothing else imports it): designs and databases through
 * the REST API of a test stack, logins as a provisioned role, and admin looks at a target server.
 */
import { parseTargetList } from '@schema-builder/provisioning';
import type { DesignDocument } from '@schema-builder/schema-model/design';
import { blogDesign } from '@schema-builder/testing/fixtures';
import postgres from 'postgres';
import type { TestStack } from './test-stack.test-support.ts';

export type Json = Record<string, unknown>;

export interface Credentials {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  url: string;
}

/** Saves a design (a copy of the blog fixture by default) and returns its id. */
export async function createDesign(
  stack: TestStack,
  name: string,
  options: { design?: DesignDocument; token?: string } = {},
): Promise<string> {
  const response = await stack.h.request(
    'POST',
    '/api/v1/schemas',
    { ...(options.design ?? blogDesign), name },
    options.token ? { token: options.token } : {},
  );
  if (response.statusCode !== 201) throw new Error(`creating design ${name} failed: ${response.body}`);
  return response.json<{ id: string }>().id;
}

/** Requests the design's database (202) and returns the pending resource. */
export async function requestDatabase(stack: TestStack, schemaId: string): Promise<Json> {
  const response = await stack.h.request('POST', `/api/v1/schemas/${schemaId}/database`);
  if (response.statusCode !== 202) throw new Error(`requesting a database failed: ${response.body}`);
  return response.json<Json>();
}

/** A design with a ready database: created, requested, waited for. */
export async function readyDatabase(
  stack: TestStack,
  name: string,
): Promise<{ schemaId: string; status: Json }> {
  const schemaId = await createDesign(stack, name);
  await requestDatabase(stack, schemaId);
  const status = await stack.waitFor(schemaId, ['ready', 'failed']);
  if (status.status !== 'ready')
    throw new Error(`database of ${name} did not become ready: ${JSON.stringify(status)}`);
  return { schemaId, status };
}

export async function credentialsOf(stack: TestStack, schemaId: string): Promise<Credentials> {
  const response = await stack.h.request('GET', `/api/v1/schemas/${schemaId}/database/credentials`);
  if (response.statusCode !== 200) throw new Error(`credentials failed: ${response.body}`);
  return response.json<Credentials>();
}

/** Polls GET /databases?includeDropped=true until the database reaches a status with no job in flight. */
export async function waitForDatabase(
  stack: TestStack,
  databaseId: string,
  statuses: string[],
  timeoutMs = 60_000,
): Promise<Json> {
  const deadline = Date.now() + timeoutMs;
  let last: Json | undefined;
  while (Date.now() < deadline) {
    const response = await stack.h.request('GET', '/api/v1/databases?includeDropped=true&limit=100');
    last = response.json<{ items: Json[] }>().items.find((item) => item.id === databaseId);
    if (last && statuses.includes(String(last.status)) && last.busy === false) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`database ${databaseId} never reached ${statuses.join('/')}: ${JSON.stringify(last)}`);
}

/** `url` (a credentials URL) pointing at another database, or with another password. */
export function withUrl(url: string, change: { database?: string; password?: string }): string {
  const parsed = new URL(url);
  if (change.database !== undefined) parsed.pathname = `/${encodeURIComponent(change.database)}`;
  if (change.password !== undefined) parsed.password = encodeURIComponent(change.password);
  return parsed.toString();
}

/** Runs `work` on one connection made with `url`, closing it afterwards. */
export async function connectWith<T>(url: string, work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Logs in and returns current_user and the database, or the SQLSTATE of the refusal. */
export async function tryLogin(
  url: string,
): Promise<{ user: string; database: string } | { refused: string }> {
  try {
    return await connectWith(url, async (sql) => {
      const [row] = await sql<{ user: string; database: string }[]>`
        SELECT current_user AS user, current_database() AS database`;
      if (!row) throw new Error('no row');
      return { user: row.user, database: row.database };
    });
  } catch (error) {
    if (error instanceof postgres.PostgresError) return { refused: error.code };
    throw error;
  }
}

/** The SQLSTATE `run` fails with, or undefined when it succeeds. */
export async function sqlStateOf(run: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await run();
  } catch (error) {
    return error instanceof postgres.PostgresError ? error.code : `not a PostgresError: ${String(error)}`;
  }
  return undefined;
}

/** The admin URL of one of the stack's targets. */
export function adminUrlOf(stack: TestStack, target: string): string {
  const server = parseTargetList(stack.targets).find((candidate) => candidate.name === target);
  if (!server) throw new Error(`no target ${target} in ${stack.targets}`);
  return server.adminUrl;
}

/** Which of `databases` and `roles` exist on the server behind `adminUrl`. */
export async function existingOn(
  adminUrl: string,
  names: { databases?: string[]; roles?: string[] },
): Promise<{ databases: string[]; roles: string[] }> {
  return connectWith(adminUrl, async (sql) => {
    const databases = await sql<{ name: string }[]>`
      SELECT datname AS name FROM pg_database WHERE datname = ANY(${names.databases ?? []}) ORDER BY 1`;
    const roles = await sql<{ name: string }[]>`
      SELECT rolname AS name FROM pg_roles WHERE rolname = ANY(${names.roles ?? []}) ORDER BY 1`;
    return { databases: databases.map((row) => row.name), roles: roles.map((row) => row.name) };
  });
}
