import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../test-stack.test-support.ts';
import { docExamplesOf } from './doc-examples.test-support.ts';
import { describeFailure, type ShellSession, startShellSession } from './shell-session.test-support.ts';

/**
 * The shell examples of the README and of docs/*.md, run as written, in the walkthrough's order, in
 * one shell, against a live API with a worker: a reader following them literally gets what they say.
 */
const root = fileURLToPath(new URL('../../../../', import.meta.url));
/**
 * The walkthrough (the README's "Documentation" list): each page uses the variables and files the
 * pages before it made ($API, json, $AUTH from accounts; design.json; $ID from provisioning).
 */
const WALKTHROUGH = [
  'README.md',
  'docs/accounts.md',
  'docs/design-document.md',
  'docs/provisioning.md',
  'docs/migrations.md',
  'docs/connections.md',
  'docs/api.md',
];
const docsDir = join(root, 'docs');
const allDocuments = [
  'README.md',
  ...readdirSync(docsDir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`),
];
const examplesOf = (file: string) => docExamplesOf(join(root, file), file);
const examples = WALKTHROUGH.flatMap(examplesOf);
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
  it('runs every page with examples, each page of the walkthrough having some', () => {
    const withExamples = allDocuments.filter((file) => examplesOf(file).length > 0);
    expect(withExamples.filter((file) => !WALKTHROUGH.includes(file))).toEqual([]);
    expect(WALKTHROUGH.filter((file) => file !== 'README.md' && examplesOf(file).length === 0)).toEqual([]);
  });

  for (const example of examples) {
    const what = example.kind === 'file' ? `writes ${example.name}` : 'runs';
    it(`${example.file}:${example.line} ${what}`, async () => {
      const outcome = await session.run(example);
      if (!outcome.ok) expect.fail(describeFailure(example, outcome));
    }, 180_000);
  }
});
