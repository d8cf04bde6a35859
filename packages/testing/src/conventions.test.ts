import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { INTEGRATION_TEST_KINDS } from '../vitest-preset.ts';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** The repository's TypeScript files outside this package (a test-only package as a whole). */
const files = execFileSync(
  'git',
  ['ls-files', '--', 'apps/*/src/*', 'packages/*/src/*', 'packages/*/scripts/*'],
  {
    cwd: repoRoot,
    encoding: 'utf8',
  },
)
  .split('\n')
  .filter((file) => /\.tsx?$/.test(file) && !file.startsWith('packages/testing/'));

const isTest = (file: string) => /\.test\.tsx?$/.test(file);
const isTestSupport = (file: string) => /\.test-support\.tsx?$/.test(file);
const integrationTest = new RegExp(`\\.(${INTEGRATION_TEST_KINDS.join('|')})\\.test\\.tsx?$`);

/** The module specifiers a file imports or re-exports. */
function importsOf(file: string): string[] {
  const source = readFileSync(join(repoRoot, file), 'utf8');
  return [...source.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((match) => match[1] ?? '');
}

describe('test support is test support', () => {
  const production = files.filter((file) => !isTest(file) && !isTestSupport(file));

  // The benchmarks measure the shared design fixtures, which are data, not test machinery.
  const allowed = (file: string, specifier: string) =>
    file.startsWith('apps/bench/') && specifier === '@schema-builder/testing/fixtures';

  test('production modules import no test runner, arbitrary or test-support module', () => {
    const offenders = production.flatMap((file) =>
      importsOf(file)
        .filter(
          (specifier) =>
            /^(vitest|fast-check|@schema-builder\/testing)(\/|$)|\.test(-support)?\.tsx?$/.test(specifier) &&
            !allowed(file, specifier),
        )
        .map((specifier) => `${file} imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });
});

describe('the tier naming rule', () => {
  // What a unit-tier test must not reach for: each gives it a server the unit tier does not start.
  // (A driver itself may be imported, for its error classes or types.)
  const SERVER_MODULES =
    /^(@schema-builder\/testing\/(postgres|mariadb|catalog)|@schema-builder\/api\/testing)$|harness\.test-support\.ts$/;

  test('a test that reaches for a server is named for it (*.pg.test.ts, *.mysql.test.ts, …)', () => {
    const offenders = files
      .filter((file) => isTest(file) && !integrationTest.test(file))
      .flatMap((file) =>
        importsOf(file)
          .filter((specifier) => SERVER_MODULES.test(specifier))
          .map((specifier) => `${file} imports ${specifier}`),
      );
    expect(offenders).toEqual([]);
  });
});
