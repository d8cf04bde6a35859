import { formatPath, LONE_SURROGATE } from '@schema-builder/schema-model/validation';
import { testEnv } from '@schema-builder/testing/env';
import { blogDesign } from '@schema-builder/testing/fixtures';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { z } from 'zod';
import { ERROR_CODES } from '../errors/codes.ts';
import { restRoutes } from '../rest/routes.ts';
import type { Harness } from '../test/harness.test-support.ts';
import { startHarness } from '../test/harness.test-support.ts';
import { procedureAt, proceduresOf } from '../trpc/procedures.ts';
import { appRouter } from '../trpc/root.ts';

/**
 * Random and malformed input to every route: whatever arrives, the answer is 2xx or 4xx with the
 * documented error body, never a 5xx, and the metadata stays consistent (no partial writes).
 */
let h: Harness;
let existingId: string;
beforeAll(async () => {
  // Provisioning routes are called hundreds of times: their own per-minute budget is lifted too.
  h = await startHarness({ RATE_LIMIT_PROVISION_PER_MINUTE: '100000' });
  existingId = (await h.request('POST', '/api/v1/schemas', { ...blogDesign, name: 'fuzz-target' })).json().id;
});
/** Every answer's status, by transport: printed at the end as the fuzzer's figures (0 × 5xx is the target). */
const statusCounts = new Map<string, number>();
function tally(transport: 'REST' | 'tRPC', status: number): void {
  const key = `${transport} ${status}`;
  statusCounts.set(key, (statusCounts.get(key) ?? 0) + 1);
}
afterAll(async () => {
  const rows = [...statusCounts].sort(([a], [b]) => a.localeCompare(b));
  console.log(`[fuzz] answers by status: ${rows.map(([key, n]) => `${key}: ${n}`).join(', ')}`);
  await h.close();
});

const routes = restRoutes(appRouter).filter((route) => route.procedure !== 'auth.signOut');

/** A design with one field somewhere replaced by something random. */
const mutatedDesign = fc
  .tuple(
    fc.jsonValue(),
    fc.nat(),
    fc.nat(),
    fc.constantFrom('name', 'dataType', 'length', 'nullable', 'columns', 'id'),
  )
  .map(([value, t, c, field]) => {
    const copy = structuredClone({ ...blogDesign, name: `fuzz ${t}-${c}` }) as unknown as {
      tables: Array<Record<string, unknown> & { columns: Array<Record<string, unknown>> }>;
    };
    const table = copy.tables[t % copy.tables.length];
    const column = table?.columns[c % table.columns.length];
    if (column && field !== 'columns') column[field] = value;
    else if (table) Object.assign(table, { [field]: value });
    return copy;
  });

const body = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value)),
  mutatedDesign.map((value) => JSON.stringify(value)),
  mutatedDesign.map((value) => JSON.stringify({ ...value, expectedVersion: 1 })),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('{', '[]', 'null', '{"tables":', '"\\u0000"', '{"name":"x","tables":[{"id":1}]}'),
);

const segment = fc.oneof(
  fc.uuid(),
  fc.constant(''),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('1', '-1', '999999999999', "' OR 1=1 --", '%00', '..', 'null'),
);

const request = fc.record({
  routeIndex: fc.nat({ max: routes.length - 1 }),
  params: fc.array(fc.oneof(segment, fc.constant('__existing__')), { minLength: 3, maxLength: 3 }),
  query: fc.dictionary(
    fc.constantFrom('limit', 'cursor', 'search', 'sort', 'dialect', 'version', 'x'),
    segment,
  ),
  body,
  contentType: fc.constantFrom(
    'application/json',
    'application/json',
    'text/plain',
    'application/xml',
    undefined,
  ),
  authenticated: fc.oneof(
    { arbitrary: fc.constant(true), weight: 9 },
    { arbitrary: fc.constant(false), weight: 1 },
  ),
});

test('no input makes any route answer 5xx or break the error shape', async () => {
  await fc.assert(
    fc.asyncProperty(request, async (r) => {
      const route = routes[r.routeIndex];
      if (!route) throw new Error('route index out of range');
      let param = 0;
      const url = route.url.replace(/:(\w+)/g, () => {
        const value = r.params[param++] ?? '';
        return encodeURIComponent(value === '__existing__' ? existingId : value);
      });
      const query = new URLSearchParams(r.query).toString();
      const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
      const response = await h.app.inject({
        method: route.method,
        url: query ? `${url}?${query}` : url,
        headers: {
          ...(r.authenticated ? { authorization: `Bearer ${h.user.token}` } : {}),
          ...(hasBody && r.contentType ? { 'content-type': r.contentType } : {}),
        },
        ...(hasBody ? { payload: r.body } : {}),
      });
      tally('REST', response.statusCode);
      expect(response.statusCode, `${route.method} ${url}: ${response.body}`).toBeLessThan(500);
      if (response.statusCode >= 400) {
        const error = response.json().error;
        expect(ERROR_CODES).toContain(error.code);
        expect(error).toEqual({
          code: expect.any(String),
          message: expect.any(String),
          details: expect.any(Array),
          requestId: expect.any(String),
        });
      }
    }),
    { numRuns: testEnv.FC_NUM_RUNS ?? 1500 },
  );

  // Consistency: every live schema has versions 1..current, the last equal to its document.
  const broken = await h.services.sql`
    SELECT s.id FROM schemas s
    LEFT JOIN schema_versions v ON v.schema_id = s.id
    GROUP BY s.id, s.current_version, s.definition
    HAVING count(v.version) <> s.current_version
        OR max(v.version) <> s.current_version
        OR (array_agg(v.definition ORDER BY v.version DESC))[1] <> s.definition`;
  expect(broken).toEqual([]);
});

test('the tRPC transport answers malformed calls with 4xx and the same error body', async () => {
  const procedures = [...proceduresOf(appRouter).keys()];
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(fc.constantFrom(...procedures), fc.string({ maxLength: 30 })),
      fc.oneof(body, fc.constant(undefined)),
      fc.boolean(),
      async (procedure, payload, asPost) => {
        const input = payload === undefined ? '' : `?input=${encodeURIComponent(payload)}`;
        const response = await h.app.inject({
          method: asPost ? 'POST' : 'GET',
          url: `/trpc/${encodeURIComponent(procedure)}${asPost ? '' : input}`,
          headers: { authorization: `Bearer ${h.user.token}`, 'content-type': 'application/json' },
          ...(asPost ? { payload: payload ?? '' } : {}),
        });
        tally('tRPC', response.statusCode);
        expect(response.statusCode, `${procedure}: ${response.body}`).toBeLessThan(500);
        if (response.statusCode >= 400) {
          // A batch answers an array; tRPC's envelope carries our body at error.data.error, and
          // Fastify-level refusals (rate limit, JSON parsing) answer it directly.
          const parsed = response.json();
          const first = Array.isArray(parsed) ? parsed[0] : parsed;
          const error = first.error?.data?.error ?? first.error;
          expect(ERROR_CODES).toContain(error.code);
        }
      },
    ),
    { numRuns: Math.ceil((testEnv.FC_NUM_RUNS ?? 1500) / 3) },
  );
});

/** The error a tRPC subscription sent as its `serialized-error` event (SSE). */
function serializedErrorOf(stream: string): {
  data: { httpStatus: number; error: { code: string; details: Array<{ path: string; code: string }> } };
} {
  const lines = stream.split('\n');
  const data = lines.find((_line, index) => index > 0 && lines[index - 1] === 'event: serialized-error');
  if (!data?.startsWith('data: ')) throw new Error(`no serialized-error event in ${JSON.stringify(stream)}`);
  return JSON.parse(data.slice('data: '.length));
}

type FieldPath = Array<string | number>;

/** Every string field of a JSON Schema, as paths into a value (an array's first entry). */
function stringFields(schema: unknown, path: FieldPath = [], depth = 0): FieldPath[] {
  if (typeof schema !== 'object' || schema === null || depth > 8) return [];
  const node = schema as {
    type?: unknown;
    properties?: Record<string, unknown>;
    items?: unknown;
    anyOf?: unknown[];
    oneOf?: unknown[];
  };
  const found: FieldPath[] = node.type === 'string' ? [path] : [];
  for (const [key, property] of Object.entries(node.properties ?? {})) {
    found.push(...stringFields(property, [...path, key], depth + 1));
  }
  if (node.items) found.push(...stringFields(node.items, [...path, 0], depth + 1));
  for (const branch of [...(node.anyOf ?? []), ...(node.oneOf ?? [])]) {
    found.push(...stringFields(branch, path, depth + 1));
  }
  const unique = new Map(found.map((field) => [formatPath(field), field]));
  return [...unique.values()];
}

/** A value with `leaf` at `path` and nothing else: the rule must answer before any other. */
function placeAt(path: FieldPath, leaf: string): unknown {
  return path.reduceRight<unknown>(
    (inner, segment) => (typeof segment === 'number' ? [inner] : { [segment]: inner }),
    leaf,
  );
}

const stringFieldsOf = [...proceduresOf(appRouter).values()].flatMap(({ path, type, input }) => {
  if (!(input instanceof z.ZodType)) return [];
  const schema = z.toJSONSchema(input, { io: 'input', unrepresentable: 'any' });
  return stringFields(schema).map((field) => ({ procedure: path, type, field }));
});

/** Text PostgreSQL cannot store: a NUL character or a lone surrogate, somewhere in a string. */
const unstorable = fc
  .tuple(
    fc.string({ unit: 'grapheme', maxLength: 10 }),
    fc.constantFrom('\u0000', '\uD800', '\uDFFF', '\uDBFF'),
    fc.string({ unit: 'grapheme', maxLength: 10 }),
  )
  .map(([before, bad, after]) => ({ text: `${before}${bad}${after}`, inUrl: bad === '\u0000' }))
  // A lone surrogate next to its other half is not lone any more.
  .filter(({ text }) => text.includes('\u0000') || LONE_SURROGATE.test(text));

function expectRefusedAt(
  statusCode: number,
  error: { code: string; details: Array<{ path: string; code: string }> },
  path: string,
) {
  expect(statusCode).toBe(422);
  expect(error.code).toBe('VALIDATION_ERROR');
  expect(error.details).toEqual([expect.objectContaining({ path, code: 'INVALID_VALUE' })]);
}

test('every string field of every operation refuses text PostgreSQL cannot store, at the field', async () => {
  // A user of its own: the tRPC property above may have signed the harness's user out.
  const { token } = await h.signUp('unstorable');
  const workerToken = await h.createWorkerKey();
  const tokenFor = (procedure: string) =>
    procedureAt(appRouter, procedure).scope === 'worker' ? workerToken : token;
  const restFields = stringFieldsOf.flatMap(({ procedure, field }) => {
    const route = routes.find((candidate) => candidate.procedure === procedure);
    return route ? [{ route, field }] : [];
  });
  expect(restFields.length).toBeGreaterThan(20);

  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...restFields), unstorable, async ({ route, field }, bad) => {
      const [top] = field;
      const inPath = field.length === 1 && route.url.includes(`:${String(top)}`);
      const inQuery = route.method === 'GET' || route.method === 'DELETE';
      // Only a NUL can travel in a URL: percent-encoding is of UTF-8, which has no lone surrogates.
      fc.pre(bad.inUrl || !(inPath || inQuery));
      // A query string is flat: a nested field of a GET input cannot be sent over REST.
      fc.pre(inPath || !inQuery || field.length === 1);
      const url = route.url.replace(/:(\w+)/g, (_, name: string) =>
        encodeURIComponent(inPath && name === top ? bad.text : existingId),
      );
      const query = inQuery && !inPath ? `?${new URLSearchParams({ [String(top)]: bad.text })}` : '';
      const hasBody = !inQuery;
      const response = await h.app.inject({
        method: route.method,
        url: `${url}${query}`,
        headers: {
          authorization: `Bearer ${tokenFor(route.procedure)}`,
          ...(hasBody ? { 'content-type': 'application/json' } : {}),
        },
        ...(hasBody ? { payload: JSON.stringify(placeAt(field, bad.text)) } : {}),
      });
      tally('REST', response.statusCode);
      expectRefusedAt(response.statusCode, response.json().error, formatPath(field));
    }),
    { numRuns: Math.ceil((testEnv.FC_NUM_RUNS ?? 1500) / 3) },
  );

  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...stringFieldsOf),
      unstorable,
      async ({ procedure, type, field }, bad) => {
        const input = encodeURIComponent(JSON.stringify(placeAt(field, bad.text)));
        const asQuery = type === 'query' || type === 'subscription';
        const response = await h.app.inject({
          method: asQuery ? 'GET' : 'POST',
          url: `/trpc/${procedure}${asQuery ? `?input=${input}` : ''}`,
          headers: { authorization: `Bearer ${tokenFor(procedure)}`, 'content-type': 'application/json' },
          ...(asQuery ? {} : { payload: JSON.stringify(placeAt(field, bad.text)) }),
        });
        if (type === 'subscription') {
          // A subscription answers with its event stream even to refuse: the error is an event.
          const { data } = serializedErrorOf(response.body);
          tally('tRPC', data.httpStatus);
          expectRefusedAt(data.httpStatus, data.error, formatPath(field));
        } else {
          tally('tRPC', response.statusCode);
          expectRefusedAt(response.statusCode, response.json().error.data.error, formatPath(field));
        }
      },
    ),
    { numRuns: Math.ceil((testEnv.FC_NUM_RUNS ?? 1500) / 3) },
  );
});
