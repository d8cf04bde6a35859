import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const source = path.dirname(fileURLToPath(import.meta.url));

/** The drivers and Node's own modules; never a name resolver, the API, metadata or a framework (README). */
const ALLOWED = /^(\.\/|node:(?!dns)|better-sqlite3$|mongodb$|mysql2\/promise$|postgres$)/;

test('the package imports only the drivers, Node (no DNS) and its own files', () => {
  const files = readdirSync(source).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
  expect(files.length).toBeGreaterThan(0);
  const imports = files.flatMap((file) =>
    [
      ...readFileSync(path.join(source, file), 'utf8').matchAll(
        /^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm,
      ),
    ].map((match) => `${file} → ${match[1]}`),
  );
  expect(imports.filter((line) => !ALLOWED.test(line.split(' → ')[1] ?? ''))).toEqual([]);
});
