import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const domain = path.dirname(fileURLToPath(import.meta.url));
const api = path.dirname(domain);

/** Every import specifier of a file (static and type-only; dynamic ones are not used here). */
const importsOf = (text: string) =>
  [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1] ?? '');

/** What domain code must not reach: the transport, the composition root, the HTTP and RPC frameworks. */
const TRANSPORT = [
  path.join(api, 'trpc'),
  path.join(api, 'rest'),
  path.join(api, 'http'),
  path.join(api, 'server.ts'),
  path.join(api, 'services.ts'),
];
const FRAMEWORKS = /^(fastify|@fastify\/|@trpc\/|trpc-to-openapi)/;

test('domain code imports nothing of the transport: it takes what it uses', () => {
  const files = readdirSync(domain, { recursive: true, encoding: 'utf8' }).filter(
    (file) => file.endsWith('.ts') && !file.endsWith('.test.ts'),
  );
  expect(files.length).toBeGreaterThan(0);
  const offending = files.flatMap((file) =>
    importsOf(readFileSync(path.join(domain, file), 'utf8'))
      .filter((specifier) => {
        if (FRAMEWORKS.test(specifier)) return true;
        if (!specifier.startsWith('.')) return false;
        const target = path.resolve(domain, path.dirname(file), specifier);
        return TRANSPORT.some((layer) => target === layer || target.startsWith(`${layer}${path.sep}`));
      })
      .map((specifier) => `${file} → ${specifier}`),
  );
  expect(offending).toEqual([]);
});
