import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Harness } from '@schema-builder/api/testing';
import { startHarness } from '@schema-builder/api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocExample } from './doc-examples.test-support.ts';
import {
  type BlockOutcome,
  describeFailure,
  startShellSession,
  withExpectedStatuses,
} from './shell-session.test-support.ts';

const block = (text: string, line = 1): DocExample => ({ kind: 'run', file: 'DOC.md', line, text });

let h: Harness;
let url: string;
let cwd: string;

beforeAll(async () => {
  h = await startHarness();
  url = await h.listen();
  cwd = mkdtempSync(join(tmpdir(), 'sb-shell-session-'));
});

afterAll(async () => {
  await h?.close();
  if (cwd) rmSync(cwd, { recursive: true, force: true });
});

/** Runs the blocks in one session and returns their outcomes. */
async function runAll(
  examples: DocExample[],
  replacements: Array<[string, string]> = [],
): Promise<BlockOutcome[]> {
  const session = startShellSession({ cwd, replacements, timeoutMs: 20_000 });
  try {
    const outcomes: BlockOutcome[] = [];
    for (const example of examples) outcomes.push(await session.run(example));
    return outcomes;
  } finally {
    await session.close();
  }
}

describe('a documentation shell session', () => {
  it('carries variables and functions from one block to the next', async () => {
    const outcomes = await runAll([block('NAME=ada\ngreet() { echo "hello $1"; }'), block('greet "$NAME"')]);
    expect(outcomes).toEqual([
      { ok: true, output: '' },
      { ok: true, output: 'hello ada' },
    ]);
  });

  it('stops at the first failing command, and runs no block after it', async () => {
    const [first, second, third] = await runAll([
      block('echo one'),
      block('echo two\nfalse\necho never', 7),
      block('echo three'),
    ]);
    expect(first).toEqual({ ok: true, output: 'one' });
    expect(second).toMatchObject({ ok: false, reason: 'the shell exited with 1' });
    expect(second?.output).toContain('two');
    expect(second?.output).not.toContain('never');
    expect(third).toMatchObject({ ok: false, reason: expect.stringContaining('at an earlier block') });
  });

  it('fails a block whose command in a capture fails (pipefail, inherited errexit)', async () => {
    const [outcome] = await runAll([block('X=$(false | cat)\necho "after: $X"')]);
    expect(outcome?.ok).toBe(false);
    expect(outcome?.output).not.toContain('after');
  });

  it('fails a curl answered with 4xx, printing the error body', async () => {
    const [outcome] = await runAll([block(`curl -s ${url}/api/v1/auth/me\necho unreachable`)]);
    expect(outcome?.ok).toBe(false);
    expect(outcome?.output).toContain('"UNAUTHORIZED"');
    expect(outcome?.output).not.toContain('unreachable');
  });

  it('accepts the status a "# → NNN" comment names, and fails another one', async () => {
    const [expected, other] = await runAll([
      block(`curl -s ${url}/api/v1/auth/me   # → 401 UNAUTHORIZED\necho went on`),
      block(`curl -s ${url}/api/v1/auth/me   # → 404`),
    ]);
    expect(expected).toMatchObject({ ok: true });
    expect(expected?.output).toContain('"UNAUTHORIZED"');
    expect(expected?.output).toContain('went on');
    expect(other).toMatchObject({ ok: false });
    expect(other?.output).toContain('expected HTTP 404, got 401');
  });

  it('applies the replacements, so a documented URL reaches the test server', async () => {
    const [outcome] = await runAll(
      [block('curl -s http://127.0.0.1:3000/api/v1/health')],
      [['http://127.0.0.1:3000', url]],
    );
    expect(outcome).toMatchObject({ ok: true, output: expect.stringContaining('"status"') });
  });

  it('writes a file block where it stands, for the blocks after it', async () => {
    const [written, read] = await runAll([
      { kind: 'file', file: 'DOC.md', line: 1, text: '{"name":"blog"}', name: 'sample.json' },
      block('cat sample.json'),
    ]);
    expect(written).toEqual({ ok: true, output: '' });
    expect(read).toEqual({ ok: true, output: '{"name":"blog"}' });
    expect(readFileSync(join(cwd, 'sample.json'), 'utf8')).toBe('{"name":"blog"}\n');
  });

  it('stops a block that outlives its time, with what it printed', async () => {
    const session = startShellSession({ cwd, timeoutMs: 500 });
    try {
      const outcome = await session.run(block('echo started\nsleep 30'));
      expect(outcome).toMatchObject({ ok: false, reason: 'still running after 500 ms' });
      expect(outcome.output).toContain('started');
    } finally {
      await session.close();
    }
  });

  it('names the failed block, its text and its output', () => {
    const text = describeFailure(block('curl -s $API/nope', 42), {
      ok: false,
      output: 'curl: (22) The requested URL returned error: 404',
      reason: 'the shell exited with 22',
    });
    expect(text).toContain('DOC.md:42: the shell exited with 22');
    expect(text).toContain('curl -s $API/nope');
    expect(text).toContain('returned error: 404');
  });
});

describe('withExpectedStatuses', () => {
  it('puts the expectation on the line a continued curl starts on', () => {
    expect(withExpectedStatuses("  curl -s -X POST $API/x \\\n    -d '{}'   # → 409 BUSY\necho ok")).toBe(
      "  DOCS_EXPECT_STATUS=409 curl -s -X POST $API/x \\\n    -d '{}'   # → 409 BUSY\necho ok",
    );
  });

  it('leaves comments that name no status alone', () => {
    const text = 'curl -s $API/auth/sign-up   # → { token, user }';
    expect(withExpectedStatuses(text)).toBe(text);
  });

  it('refuses a status comment on a command that is not curl', () => {
    expect(() => withExpectedStatuses('ID=$(curl -s $API/x | json id)   # → 404')).toThrow(
      /starts with curl/,
    );
  });
});
