import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DATABASE_FAILURE_CODES } from '@schema-builder/db';
import { DATA_TYPES, REFERENTIAL_ACTIONS } from '@schema-builder/schema-model/design';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ERROR_CODES } from '../errors/codes.ts';
import type { Harness } from '../test/harness.test-support.ts';
import { startHarness } from '../test/harness.test-support.ts';
import type { OpenApiDocument } from './openapi-operations.test-support.ts';
import { operationsOf } from './openapi-operations.test-support.ts';

const run = promisify(execFile);
const packageDir = path.resolve(import.meta.dirname, '../..');

let h: Harness;
let document: OpenApiDocument;

beforeAll(async () => {
  h = await startHarness();
  const response = await h.request('GET', '/api/v1/openapi.json', undefined, { token: null });
  expect(response.statusCode).toBe(200);
  document = response.json();
});
afterAll(() => h.close());

describe('the served OpenAPI document', () => {
  test("has no problem under Redocly's recommended rules, examples checked against their schemas", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sb-openapi-'));
    try {
      const file = path.join(dir, 'openapi.json');
      await writeFile(file, JSON.stringify(document));
      const cli = path.join(packageDir, 'node_modules/@redocly/cli/bin/cli.js');
      const config = path.join(packageDir, 'redocly.yaml');
      const args = [cli, 'lint', file, '--config', config, '--format', 'json'];
      // No telemetry, no update check; exits non-zero on errors: read the report either way.
      const env = { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
      const { stdout } = await run(process.execPath, args, { cwd: dir, env }).catch(
        (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
      );
      const report = JSON.parse(stdout) as {
        totals: { errors: number; warnings: number };
        problems: Array<{ ruleId: string; message: string; location: Array<{ pointer: string }> }>;
      };
      const problems = report.problems.map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);
      expect(problems).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  test('every operation has a summary, a description, an example for each required parameter and one for its body', () => {
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(30);
    const missing = operations.flatMap(({ method, path: route, operation }) => {
      const where = `${method.toUpperCase()} ${route}`;
      const body = operation.requestBody?.content?.['application/json'];
      return [
        ...(operation.summary?.trim() ? [] : [`${where}: summary`]),
        ...(operation.description?.trim() ? [] : [`${where}: description`]),
        // An optional parameter may go without one: a list's `cursor` only means something as the
        // `nextCursor` of an earlier answer.
        ...(operation.parameters ?? [])
          .filter((parameter) => parameter.required && parameter.example === undefined)
          .map((parameter) => `${where}: example of ${parameter.in} parameter ${parameter.name}`),
        ...(body && body.example === undefined ? [`${where}: example of the body`] : []),
      ];
    });
    expect(missing).toEqual([]);
  });

  test('public operations say they need no credentials; the others name the bearer scheme', () => {
    const security = Object.fromEntries(
      operationsOf(document).map(({ method, path: route, operation }) => [
        `${method.toUpperCase()} ${route}`,
        operation.security,
      ]),
    );
    expect(security['POST /auth/sign-in']).toEqual([]);
    expect(security['POST /auth/sign-up']).toEqual([]);
    expect(security['GET /health']).toEqual([]);
    expect(security['GET /schemas/{id}']).toEqual([{ Authorization: [] }]);
  });

  test('error.code is the closed set of error codes, each with its meaning', () => {
    const code = document.components.schemas.ErrorBody.properties.error.properties.code;
    expect(code.enum).toEqual([...ERROR_CODES]);
    expect(code['x-enum-descriptions']).toHaveLength(ERROR_CODES.length);
    for (const meaning of code['x-enum-descriptions']) expect(meaning.length).toBeGreaterThan(10);
    for (const value of ERROR_CODES) expect(code.description).toContain(`| \`${value}\` |`);
  });

  test("a database's lastErrorCode is the closed set of failure codes, each with its meaning", () => {
    const database = JSON.stringify(document.components.schemas.Database);
    expect(database).toContain(`"enum":${JSON.stringify(DATABASE_FAILURE_CODES)}`);
    for (const code of DATABASE_FAILURE_CODES) expect(database).toContain(`| \`${code}\` |`);
  });

  test('data types and referential actions of a design are enums of their canonical spellings', () => {
    const design = JSON.stringify(document.components.schemas.DesignDocument);
    expect(design).toContain(
      JSON.stringify({ type: 'string', maxLength: 100, enum: DATA_TYPES }).slice(1, -1),
    );
    const actions = JSON.stringify(REFERENTIAL_ACTIONS);
    // onDelete and onUpdate.
    expect(design.split(`"enum":${actions}`)).toHaveLength(3);
  });

  test('each operation documents the error statuses the transport adds: 401/403, 413/415, 422, 429', () => {
    const gaps = operationsOf(document).flatMap(({ method, path: route, operation }) => {
      const statuses = Object.keys(operation.responses);
      const expected = [
        ...(operation.security?.length ? ['401', '403'] : []),
        ...(['post', 'put', 'patch', 'delete'].includes(method) ? ['400', '413', '415'] : []),
        ...(operation.parameters?.length || operation.requestBody ? ['422'] : []),
        '429',
        '500',
      ];
      return expected
        .filter((status) => !statuses.includes(status))
        .map((status) => `${method.toUpperCase()} ${route}: ${status}`);
    });
    expect(gaps).toEqual([]);
  });
});

describe('what the document promises', () => {
  test('every operation documented with 415 answers 415 UNSUPPORTED_MEDIA_TYPE to a text/plain body', async () => {
    const answers = [];
    for (const { method, path: route, operation } of operationsOf(document)) {
      if (!operation.responses['415']) continue;
      const url = `/api/v1${route.replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000')}`;
      const response = await h.app.inject({
        method: method.toUpperCase() as 'POST',
        url,
        headers: { 'content-type': 'text/plain', authorization: `Bearer ${h.user.token}` },
        payload: 'hello',
      });
      answers.push(`${method.toUpperCase()} ${route}: ${response.statusCode} ${response.json().error?.code}`);
    }
    expect(answers.length).toBeGreaterThan(15);
    expect(answers.filter((answer) => !answer.endsWith(': 415 UNSUPPORTED_MEDIA_TYPE'))).toEqual([]);
  });
});
