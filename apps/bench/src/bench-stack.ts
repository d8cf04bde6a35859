import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ConfigSchema } from '@schema-builder/api/env';
import { createServer } from '@schema-builder/api/server';
import { connectServices } from '@schema-builder/api/services';
import { createClient } from '@schema-builder/client';
import { runMigrations } from '@schema-builder/db';
import {
  type DeploymentIdentity,
  openTarget,
  parseTargetList,
  removeDeployment,
} from '@schema-builder/provisioning';
import { startWorker } from '@schema-builder/worker/worker';
import type { Logger } from 'pino';
import type postgres from 'postgres';

const apiDir = fileURLToPath(new URL('../../api/', import.meta.url));

export interface BenchStack {
  /** Base URL of the API, listening on 127.0.0.1. */
  url: string;
  /** `Authorization` header of the signed-up bench user. */
  authorization: string;
  /** The API's pool on the metadata database. */
  sql: postgres.Sql;
  /** The metadata server's URL (the only provisioning target, named `default`). */
  targetUrl: string;
  /** The API's deployment (DEPLOYMENT_ID and generated id): what its markers and warm pool carry. */
  identity: DeploymentIdentity;
  /** Stops the worker and the API, dropping every database and role this deployment created. */
  close: () => Promise<void>;
}

/**
 * A real API on a port, over a migrated metadata database (`metadataUrl`), with a real worker in
 * this process talking to it over HTTP with a worker key made by the API's own CLI.
 */
export async function startBenchStack(
  metadataUrl: string,
  worker: { concurrency: number; poolSize: number; log: Logger },
): Promise<BenchStack> {
  await runMigrations(metadataUrl);
  const config = ConfigSchema.parse({
    DATABASE_URL: metadataUrl,
    LOG_LEVEL: 'silent',
    SECRETS_KEY: randomBytes(32).toString('hex'),
    DEPLOYMENT_ID: `bench-${randomBytes(4).toString('hex')}`,
    // The bench measures provisioning, not the limiters.
    RATE_LIMIT_PER_MINUTE: '100000000',
    RATE_LIMIT_PROVISION_PER_MINUTE: '100000000',
  });
  const { services, close: closeServices } = await connectServices(config, metadataUrl);
  const api = await createServer({ services, logger: false });
  await api.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;

  const signUp = await fetch(`${url}/api/v1/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'provision-bench@example.test', password: 'benchmark password' }),
  });
  if (!signUp.ok) throw new Error(`could not sign up: ${await signUp.text()}`);
  const { token } = (await signUp.json()) as { token: string };

  const targets = parseTargetList(`default=${metadataUrl}`);
  const running = startWorker({
    client: createClient({ url, token: await createWorkerKey(metadataUrl), batch: false }),
    targets,
    concurrency: worker.concurrency,
    heartbeatSeconds: 5,
    poolSize: worker.poolSize,
    log: worker.log,
    claimWaitMs: 5000,
  });

  return {
    url,
    authorization: `Bearer ${token}`,
    sql: services.sql,
    targetUrl: metadataUrl,
    identity: services.deployment,
    close: async () => {
      await running.stop(10_000);
      await dropEverythingOf(targets, services.deployment);
      await api.close();
      await closeServices();
    },
  };
}

/** The API's `worker-key` CLI (what `pnpm --filter @schema-builder/api worker-key` runs). */
async function createWorkerKey(metadataUrl: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'src/cli/create-worker-key.ts', 'bench worker'],
    { cwd: apiDir, env: { DATABASE_URL: metadataUrl } },
  );
  const key = /sbk_\S+/.exec(stdout)?.[0];
  if (!key) throw new Error(`worker-key printed no key: ${stdout}`);
  return key;
}

/** Every database, then every role, marked with this deployment's id. */
async function dropEverythingOf(
  targets: ReturnType<typeof parseTargetList>,
  identity: DeploymentIdentity,
): Promise<void> {
  for (const target of targets) {
    const session = openTarget(target, { ...identity });
    try {
      await removeDeployment(session);
    } finally {
      await session.close();
    }
  }
}
