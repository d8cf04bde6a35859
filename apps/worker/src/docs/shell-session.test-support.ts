import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testEnv } from '@schema-builder/testing/env';
import type { DocExample } from './doc-examples.test-support.ts';

/**
 * One bash process that runs the documentation's examples in order, so a variable set by one
 * block is there for the next, as in a reader's terminal. Every curl must answer 2xx or 3xx
 * (`--fail-with-body`), except one whose comment names a status (`curl … # → 409 …`), which must
 * answer exactly that. The first failing command stops the session (`set -euo pipefail`).
 */
export interface ShellSession {
  /** Runs a block (or writes a `file=` block), resolving when it is done or has failed. */
  run: (example: DocExample) => Promise<BlockOutcome>;
  /** Ends the shell (if it still runs). */
  close: () => Promise<void>;
}

export type BlockOutcome = { ok: true; output: string } | { ok: false; output: string; reason: string };

export interface ShellSessionOptions {
  /** Where the blocks run and `file=` blocks are written. */
  cwd: string;
  /** Text replaced in every block before it runs, e.g. the documented base URL by a test server's. */
  replacements?: ReadonlyArray<readonly [string, string]>;
  /** How long one block may take (default 120 s). */
  timeoutMs?: number;
}

/** The status a comment at the end of a command expects: `# → 409 DATABASE_NOT_READY`. */
const EXPECTED_STATUS = /#\s*→\s*([1-5]\d\d)\b/;
const EXPECT_VARIABLE = 'DOCS_EXPECT_STATUS';

/** Set up once: one transcript, errors stop the shell, curl checks statuses. */
const PREAMBLE = readFileSync(new URL('./session-preamble.sh', import.meta.url), 'utf8');

/**
 * Prefixes the curl command that a `# → NNN` comment ends with the expectation, so the shell's
 * curl checks it. A continued command (`\\` at the end of lines) starts on its first line.
 */
export function withExpectedStatuses(block: string): string {
  const lines = block.split('\n');
  lines.forEach((line, index) => {
    const status = EXPECTED_STATUS.exec(line)?.[1];
    if (status === undefined) return;
    let start = index;
    while (start > 0 && (lines[start - 1] ?? '').trimEnd().endsWith('\\')) start -= 1;
    const first = lines[start] ?? '';
    const indent = first.length - first.trimStart().length;
    if (!first.trimStart().startsWith('curl '))
      throw new Error(`"# → ${status}" must end a command that starts with curl: ${first.trim()}`);
    lines[start] = `${first.slice(0, indent)}${EXPECT_VARIABLE}=${status} ${first.slice(indent)}`;
  });
  return lines.join('\n');
}

export function startShellSession({
  cwd,
  replacements = [],
  timeoutMs = 120_000,
}: ShellSessionOptions): ShellSession {
  const blocksDir = join(cwd, '.doc-blocks');
  mkdirSync(blocksDir, { recursive: true });
  const sentinel = `@@block-done-${randomBytes(8).toString('hex')}@@`;
  // A process group of its own: a block that hangs is stopped with every command it started.
  const shell: ChildProcessWithoutNullStreams = spawn('bash', ['--noprofile', '--norc'], {
    cwd,
    env: { PATH: testEnv.PATH || '/usr/bin:/bin', HOME: cwd, LANG: 'C.UTF-8' },
    detached: true,
  });
  const killGroup = () => {
    try {
      if (shell.pid !== undefined) process.kill(-shell.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  let transcript = '';
  let exited: string | undefined;
  let wake: (() => void) | undefined;
  shell.stdout.on('data', (chunk: Buffer) => {
    transcript += chunk.toString('utf8');
    wake?.();
  });
  shell.stderr.on('data', (chunk: Buffer) => {
    transcript += chunk.toString('utf8');
    wake?.();
  });
  shell.on('close', (code, signal) => {
    exited = signal ? `the shell was stopped by ${signal}` : `the shell exited with ${code}`;
    wake?.();
  });
  shell.stdin.write(PREAMBLE);
  let count = 0;

  const run = async (example: DocExample): Promise<BlockOutcome> => {
    if (exited) return { ok: false, output: '', reason: `not run: ${exited} at an earlier block` };
    if (example.kind === 'file') {
      writeFileSync(join(cwd, example.name), `${example.text}\n`);
      return { ok: true, output: '' };
    }
    let text = example.text;
    for (const [from, to] of replacements) text = text.replaceAll(from, to);
    count += 1;
    const path = join(blocksDir, `${count}.sh`);
    writeFileSync(path, `${withExpectedStatuses(text)}\n`);
    transcript = '';
    // stdin is the session's script: a block reading it would swallow the commands after it.
    shell.stdin.write(`source '${path}' </dev/null\nprintf '\\n%s\\n' '${sentinel}'\n`);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = transcript.indexOf(`\n${sentinel}\n`);
      if (end >= 0) return { ok: true, output: transcript.slice(0, end).trimEnd() };
      if (exited) return { ok: false, output: transcript, reason: exited };
      const left = deadline - Date.now();
      if (left <= 0) {
        killGroup();
        return { ok: false, output: transcript, reason: `still running after ${timeoutMs} ms` };
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  };

  return {
    run,
    close: async () => {
      if (exited) return;
      const done = new Promise((resolve) => shell.once('close', resolve));
      shell.stdin.end();
      const timer = setTimeout(killGroup, 5000);
      await done;
      clearTimeout(timer);
    },
  };
}

/** What a failed block says in a test failure: where it is, what it ran, what it printed. */
export function describeFailure(example: DocExample, outcome: BlockOutcome & { ok: false }): string {
  return [
    `${example.file}:${example.line}: ${outcome.reason}`,
    '--- the block ---',
    example.text,
    '--- its output ---',
    outcome.output.length > 8000 ? `…${outcome.output.slice(-8000)}` : outcome.output,
  ].join('\n');
}
