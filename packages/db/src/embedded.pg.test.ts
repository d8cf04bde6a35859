import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '@schema-builder/testing/free-port';
import postgres from 'postgres';
import { afterAll, describe, expect, test } from 'vitest';
import { startEmbeddedPostgres } from './embedded.ts';
import { isAlive } from './leftover-server.ts';

/** Starts the embedded server in a child process and resolves once it is running. */
function startInChild(dataDir: string, port: number) {
  const script = `
    import { startEmbeddedPostgres } from ${JSON.stringify(path.resolve(import.meta.dirname, 'embedded.ts'))};
    await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port}, database: 'kept' });
    console.log('running');
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise<typeof child>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('running') && resolve(child));
    child.on('exit', (code) => reject(new Error(`the child exited with ${code} before the server ran`)));
  });
}

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('the embedded PostgreSQL', () => {
  test('starts again after the process that started it was killed with SIGKILL, data kept', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'sb-embedded-'));
    dirs.push(root);
    // Under root the server runs as `postgres`, which must be able to reach the data directory.
    await chmod(root, 0o755);
    const dataDir = path.join(root, 'data');
    const port = await freePort();
    const child = await startInChild(dataDir, port);
    const first = postgres(`postgres://postgres:schema-builder-embedded@127.0.0.1:${port}/kept`, { max: 1 });
    await first`CREATE TABLE survivor (id int)`;
    await first`INSERT INTO survivor VALUES (42)`;
    await first.end();
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const warnings: string[] = [];
    const server = await startEmbeddedPostgres({
      dataDir,
      port,
      database: 'kept',
      onWarning: (message) => warnings.push(message),
    });
    try {
      const sql = postgres(server.url, { max: 1 });
      expect(await sql`SELECT id FROM survivor`).toEqual([{ id: 42 }]);
      await sql.end();
      expect(warnings).toEqual([expect.stringMatching(/^stopped the PostgreSQL server \(pid \d+\)/)]);
    } finally {
      await server.stop();
    }
  }, 120_000);

  test('stop() returns when a signal already stopped the server (Ctrl-C reaches it too)', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'sb-embedded-'));
    dirs.push(root);
    await chmod(root, 0o755);
    const dataDir = path.join(root, 'data');
    const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'kept' });
    const pid = Number.parseInt(
      (await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0] ?? '',
      10,
    );
    process.kill(pid, 'SIGINT');
    const deadline = Date.now() + 15_000;
    while (isAlive(pid) && Date.now() < deadline) await sleep(50);
    expect(isAlive(pid)).toBe(false);

    const stopped = await Promise.race([
      server.stop().then(() => 'stopped'),
      new Promise((resolve) => setTimeout(() => resolve('still waiting after 15 s'), 15_000)),
    ]);
    expect(stopped).toBe('stopped');
  }, 120_000);
});
