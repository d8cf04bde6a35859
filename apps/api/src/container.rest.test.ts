import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import type { Harness } from './test/harness.test-support.ts';
import { startHarness } from './test/harness.test-support.ts';

/**
 * docker-compose.yml and the Dockerfile cannot run here (no Docker engine): what matters in them
 * is checked by reading them, and the API's healthcheck command is run against a live API.
 */
const root = new URL('../../../', import.meta.url);
const compose = parse(readFileSync(new URL('docker-compose.yml', root), 'utf8'));
const dockerfile = readFileSync(new URL('apps/api/Dockerfile', root), 'utf8');

interface PortBinding {
  host_ip?: string;
  published?: string | number;
}

describe('docker-compose.yml', () => {
  test('PostgreSQL is published on loopback only, or not at all', () => {
    const ports: Array<string | PortBinding> = compose.services.postgres.ports ?? [];
    for (const port of ports) {
      const host = typeof port === 'string' ? port.split(':')[0] : port.host_ip;
      expect(['127.0.0.1', '[::1]', '::1'], `postgres port ${JSON.stringify(port)}`).toContain(host);
    }
  });

  describe('the API healthcheck', () => {
    const check: string[] = compose.services.api.healthcheck.test;
    const script = check[check.length - 1] ?? '';
    const run = (url: string) =>
      promisify(execFile)(process.execPath, ['-e', script.replace('http://127.0.0.1:3000', url)], {
        timeout: 20_000,
      });
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness();
    });
    afterAll(() => h.close());

    test('asks readiness, with node (the image has no curl)', () => {
      expect(check.slice(0, 3)).toEqual(['CMD', 'node', '-e']);
      expect(script).toContain('http://127.0.0.1:3000/api/v1/health/ready');
    });

    test('passes against a ready API and fails when nothing answers', async () => {
      await expect(run(await h.listen())).resolves.toBeDefined();
      await expect(run('http://127.0.0.1:1')).rejects.toMatchObject({ code: 1 });
    });
  });
});

describe('the Dockerfile', () => {
  const lines = dockerfile.split('\n');
  const install = lines.findIndex((line) => line.startsWith('RUN pnpm install'));
  const sources = lines.findIndex((line) => line.trim() === 'COPY . .');

  test('installs from the manifests and lockfile before it copies the sources (a cached dependency layer)', () => {
    expect(install).toBeGreaterThan(0);
    expect(sources).toBeGreaterThan(install);
    const before = lines.slice(0, install).filter((line) => line.startsWith('COPY '));
    expect(before.join('\n')).toContain('pnpm-lock.yaml');
    // Nothing but manifests before the install.
    for (const line of before) {
      const copied = line.split(/\s+/).slice(1, -1);
      for (const file of copied)
        expect(file, line).toMatch(/(^|\/)(package\.json|pnpm-[\w-]+\.yaml|\.npmrc)$/);
    }
  });

  test('copies every workspace manifest before the install', () => {
    const before = lines.slice(0, install).join('\n');
    for (const folder of ['apps', 'packages'])
      for (const entry of readdirSync(new URL(`${folder}/`, root), { withFileTypes: true }))
        if (entry.isDirectory())
          expect(before).toContain(`COPY ${folder}/${entry.name}/package.json ${folder}/${entry.name}/`);
  });
});
