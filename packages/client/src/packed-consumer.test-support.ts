import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { toolEnv } from '@schema-builder/testing/env';

const run = promisify(execFile);
const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fixtureDir = join(packageDir, 'test', 'consumer');
const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');

export interface CommandResult {
  ok: boolean;
  output: string;
  seconds: number;
}

function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...toolEnv, ...extra };
}

async function command(file: string, args: string[], cwd: string, env = cleanEnv()): Promise<CommandResult> {
  const started = performance.now();
  const result = await run(file, args, { cwd, env, maxBuffer: 16 * 1024 * 1024 }).then(
    ({ stdout, stderr }) => ({ ok: true, output: `${stdout}${stderr}` }),
    (error: { stdout?: string; stderr?: string; message: string }) => ({
      ok: false,
      output: `${error.stdout ?? ''}${error.stderr ?? ''}` || error.message,
    }),
  );
  return { ...result, seconds: (performance.now() - started) / 1000 };
}

async function mustRun(file: string, args: string[], cwd: string): Promise<CommandResult> {
  const result = await command(file, args, cwd);
  if (!result.ok) throw new Error(`${file} ${args.join(' ')} failed in ${cwd}:\n${result.output}`);
  return result;
}

/** A project outside the repository that installed the client from its packed tarball. */
export interface PackedConsumer {
  dir: string;
  /** The installed package's files, as a consumer's node_modules has them. */
  installedDir: string;
  /** The repository's `tsc` run in the consumer (it resolves modules from the consumer's files). */
  tsc(...args: string[]): Promise<CommandResult>;
  /** Writes a file into the consumer project. */
  write(name: string, text: string): Promise<void>;
  /** Runs a built module of the consumer with node. */
  node(file: string, env: Record<string, string>): Promise<CommandResult>;
  /** Deletes the project, the tarball and all. */
  remove(): Promise<void>;
}

/**
 * Packs the client the way a release would (`pnpm pack`, which builds it first), then installs
 * the tarball with npm into an empty project under the system's temporary directory. Its
 * dependencies come from the npm registry, as they would for any user.
 */
export async function createPackedConsumer(): Promise<PackedConsumer> {
  const dir = await mkdtemp(join(tmpdir(), 'schema-builder-client-'));
  const packDir = join(dir, 'pack');
  const projectDir = join(dir, 'consumer');
  await mkdir(packDir);
  await mkdir(projectDir);

  const pnpm = `pnpm@${await pnpmVersion()}`;
  const packed = await mustRun('npx', ['-y', pnpm, 'pack', '--pack-destination', packDir], packageDir);
  const [tarball] = (await readdir(packDir)).filter((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error(`pnpm pack made no tarball:\n${packed.output}`);

  await writeFile(
    join(projectDir, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2),
  );
  for (const name of ['tsconfig.json', 'consumer.ts'])
    await copyFile(join(fixtureDir, name), join(projectDir, name));
  const installed = await mustRun(
    'npm',
    ['install', '--no-audit', '--no-fund', '--ignore-scripts', join(packDir, tarball)],
    projectDir,
  );
  console.info(
    `packed in ${packed.seconds.toFixed(1)} s, installed in ${installed.seconds.toFixed(1)} s (${dir})`,
  );

  return {
    dir: projectDir,
    installedDir: join(projectDir, 'node_modules', '@schema-builder', 'client'),
    tsc: (...args) => command(process.execPath, [tsc, ...args], projectDir),
    write: (name, text) => writeFile(join(projectDir, name), text),
    node: (file, env) => command(process.execPath, [file], projectDir, cleanEnv(env)),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

async function pnpmVersion(): Promise<string> {
  const require = createRequire(import.meta.url);
  const { packageManager } = require(join(packageDir, '..', '..', 'package.json')) as {
    packageManager: string;
  };
  const version = /^pnpm@(.+)$/.exec(packageManager)?.[1];
  if (!version) throw new Error(`the root package.json names no pnpm version (${packageManager})`);
  return version;
}
