import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../test-stack.test-support.ts';
import { docExamplesOf } from './doc-examples.test-support.ts';
import { describeFailure, type ShellSession, startShellSession } from './shell-session.test-support.ts';

/**
 * The README's shell examples (and those of docs/*.md), run as written, in order, in one shell,
 * against a live API with a worker: a reader following them literally gets what they say.
 */
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const docsDir = join(root, 'docs');
const documents = [
  'README.md',
  ...(existsSync(docsDir)
    ? readdirSync(docsDir)
        .filter((name) => name.endsWith('.md'))
        .sort()
        .map((name) => `docs/${name}`)
    : []),
];
const examples = documents.flatMap((file) => docExamplesOf(join(root, file), file));
/** Where the README says the service listens; the test's server listens on a free port instead. */
const DOCUMENTED_URL = 'http://127.0.0.1:3000';

let stack: TestStack;
let session: ShellSession;
let cwd: string;

beforeAll(async () => {
  // The connections example connects to the database it provisioned, on this machine.
  stack = await startTestStack({ CONNECTIONS_ALLOWED_HOSTS: '127.0.0.1/32' });
  await stack.startWorker(2, 0);
  cwd = mkdtempSync(join(tmpdir(), 'sb-docs-'));
  session = startShellSession({ cwd, replacements: [[DOCUMENTED_URL, stack.url]] });
});

afterAll(async () => {
  await session?.close();
  await stack?.close();
  if (cwd) rmSync(cwd, { recursive: true, force: true });
});

describe('the documentation examples', () => {
  it('include the README’s shell blocks', () => {
    const runs = examples.filter((example) => example.kind === 'run' && example.file === 'README.md');
    expect(runs.length).toBeGreaterThanOrEqual(5);
  });

  for (const example of examples) {
    const what = example.kind === 'file' ? `writes ${example.name}` : 'runs';
    it(`${example.file}:${example.line} ${what}`, async () => {
      const outcome = await session.run(example);
      if (!outcome.ok) expect.fail(describeFailure(example, outcome));
    }, 180_000);
  }
});
