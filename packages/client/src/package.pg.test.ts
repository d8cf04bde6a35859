import { readdir, readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Harness } from '@schema-builder/api/testing';
import { startHarness } from '@schema-builder/api/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ERROR_CODES } from './index.ts';
import { createPackedConsumer, type PackedConsumer } from './packed-consumer.test-support.ts';

/**
 * What the package may import: its own dependencies (tRPC, and `eventsource` for subscriptions),
 * nothing of the server.
 */
const ALLOWED_IMPORTS = new Set(['@trpc/client', '@trpc/server', 'eventsource']);
/** A consumer of the source-shipped client type-checked 222 files of the workspace. */
const FEW_FILES = 40;

let consumer: PackedConsumer;

beforeAll(async () => {
  consumer = await createPackedConsumer();
}, 300_000);
afterAll(() => consumer?.remove());

/** Every module specifier in a declaration or JavaScript file. */
function specifiersOf(text: string): string[] {
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"]+)\1/g;
  return [...text.matchAll(pattern)].map((match) => match[2] ?? '');
}

describe('the client packed and installed outside the repository', () => {
  test('ships JavaScript and declarations that import only its dependencies and each other', async () => {
    const dist = join(consumer.installedDir, 'dist');
    const files = await readdir(dist);
    expect(files).toEqual(expect.arrayContaining(['index.js', 'index.d.ts']));
    expect(files.filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))).toEqual([]);

    const packages = new Set<string>();
    for (const name of files) {
      for (const specifier of specifiersOf(await readFile(join(dist, name), 'utf8'))) {
        if (!specifier.startsWith('.')) packages.add(specifier);
        else expect(specifier, `${name} imports ${specifier}`).toMatch(/\.js$/);
      }
    }
    expect([...packages].filter((name) => !ALLOWED_IMPORTS.has(name))).toEqual([]);
    const declarations = await readFile(join(dist, 'server-types.d.ts'), 'utf8');
    expect(declarations).toContain('export type AppRouter');
    expect(declarations).not.toContain('@schema-builder');
  });

  test('a consumer type-checks against it in a few files, wrong uses included as errors', async () => {
    const checked = await consumer.tsc('-p', '.', '--noEmit');
    console.info(`consumer type-checked in ${checked.seconds.toFixed(1)} s`);
    expect(checked.output).toBe('');
    expect(checked.ok).toBe(true);

    const listed = await consumer.tsc('-p', '.', '--listFilesOnly');
    const files = listed.output.split('\n').filter((line) => line.trim() !== '');
    // TypeScript's own lib.*.d.ts are not the project's cost; everything else is.
    const project = files.filter((file) => !/[\\/]typescript[\\/]lib[\\/]/.test(file));
    console.info(`consumer checks ${project.length} files besides TypeScript's standard library`);
    expect(project.some((file) => file.includes('@schema-builder/client/dist/index.d.ts'))).toBe(true);
    expect(project.length).toBeLessThan(FEW_FILES);
  });

  test('a misspelled procedure, error code or input field does not compile', async () => {
    await consumer.write(
      'wrong.ts',
      [
        "import { createClient, type ErrorCode, isApiError } from '@schema-builder/client';",
        "const api = createClient({ url: 'http://127.0.0.1:3000' });",
        "await api.schemas.gett.query({ id: 'x' });",
        "const code: ErrorCode = 'SCHEMA_MISSING';",
        "await api.schemas.get.query({ idd: 'x' });",
        "export const narrowed = (e: unknown) => isApiError(e, 'NOT_A_CODE');",
        'console.log(code);',
      ].join('\n'),
    );
    await consumer.write(
      'tsconfig.wrong.json',
      JSON.stringify({ extends: './tsconfig.json', files: ['wrong.ts'] }),
    );
    const wrong = await consumer.tsc('-p', 'tsconfig.wrong.json', '--noEmit');
    expect(wrong.ok).toBe(false);
    expect(wrong.output).toMatch(/wrong\.ts\(3,\d+\).*'gett'/);
    expect(wrong.output).toMatch(/wrong\.ts\(4,\d+\).*"SCHEMA_MISSING"/);
    expect(wrong.output).toMatch(/wrong\.ts\(5,\d+\).*'idd'/);
    expect(wrong.output).toMatch(/wrong\.ts\(6,\d+\).*"NOT_A_CODE"/);
  });
});

describe('the packed client at run time', () => {
  let h: Harness;
  let url: string;

  beforeAll(async () => {
    h = await startHarness();
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => h?.close());

  test("the consumer's built JavaScript calls a real API and reads typed results and errors", async () => {
    const built = await consumer.tsc('-p', '.');
    expect(built.output).toBe('');
    const ran = await consumer.node('out/consumer.js', { API_URL: url, API_TOKEN: h.user.token });
    expect(ran.ok, ran.output).toBe(true);
    const result: unknown = JSON.parse(ran.output.trim().split('\n').at(-1) ?? '');
    expect(result).toMatchObject({
      name: 'packed-client',
      version: 1,
      code: 'SCHEMA_NOT_FOUND',
      knownCodes: ERROR_CODES.length,
      misspelled: 'SCHEMA_MISSING',
    });
    expect(result).toHaveProperty('requestId', expect.any(String));
  });
});
