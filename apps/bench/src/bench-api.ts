import type { BenchStack } from './bench-stack.ts';

export interface ApiResponse {
  status: number;
  body: Record<string, unknown>;
}

/** A JSON call to the bench API over HTTP, as the bench user. */
export async function callApi(
  stack: BenchStack,
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiResponse> {
  const response = await fetch(`${stack.url}/api/v1${path}`, {
    method,
    headers: {
      authorization: stack.authorization,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** Creates a design (POST /schemas) and returns its id. */
export async function createDesign(stack: BenchStack, design: unknown): Promise<string> {
  const created = await callApi(stack, 'POST', '/schemas', design);
  if (created.status !== 201) throw new Error(`could not create a design: ${JSON.stringify(created.body)}`);
  return String(created.body.id);
}

export interface DatabaseRowState {
  id: string;
  status: string;
  busy: boolean;
  databaseName: string;
  roleName: string;
  lastError: string | null;
}

/**
 * The metadata rows of `ids`, read straight from the `databases` table (not through the status
 * endpoint, whose live catalog check would add its own cost to every poll).
 */
export async function readRows(stack: BenchStack, ids: readonly string[]): Promise<DatabaseRowState[]> {
  return stack.sql<DatabaseRowState[]>`
    SELECT id, status, job_id IS NOT NULL AS busy, database_name AS "databaseName",
           role_name AS "roleName", last_error AS "lastError"
    FROM databases WHERE id = ANY(${ids as string[]}::uuid[])`;
}

/** Polls the rows every `everyMs` until none is busy; returns them. */
export async function waitIdle(
  stack: BenchStack,
  ids: readonly string[],
  everyMs: number,
  timeoutMs = 300_000,
): Promise<DatabaseRowState[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await readRows(stack, ids);
    if (rows.length === ids.length && rows.every((row) => !row.busy)) return rows;
    if (Date.now() > deadline) throw new Error(`jobs still running after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** DELETE /databases/{id} for each, then waits until all are dropped. */
export async function dropAll(stack: BenchStack, ids: readonly string[]): Promise<void> {
  const answers = await Promise.all(ids.map((id) => callApi(stack, 'DELETE', `/databases/${id}`)));
  const refused = answers.filter((answer) => answer.status >= 300);
  if (refused.length > 0) throw new Error(`drop refused: ${JSON.stringify(refused[0]?.body)}`);
  const rows = await waitIdle(stack, ids, 20);
  const left = rows.filter((row) => row.status !== 'dropped');
  if (left.length > 0) throw new Error(`not dropped: ${JSON.stringify(left[0])}`);
}
