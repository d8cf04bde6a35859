import { resealConnectionSecrets } from '../domain/connections/reseal.ts';
import { loadConfig } from '../env.ts';
import { connectServices } from '../services.ts';

/**
 * `pnpm --filter @schema-builder/api secrets:reseal`: after setting a new SECRETS_KEY (and the
 * old one in SECRETS_PREVIOUS_KEYS), re-encrypts stored secrets under the new key. Rerunnable.
 */
const config = loadConfig();
if (!config.DATABASE_URL) {
  console.error('DATABASE_URL is required: the secrets are in the metadata database.');
  process.exit(1);
}
const { services, close } = await connectServices(config, config.DATABASE_URL);
try {
  const { checked, resealed, unreadable } = await resealConnectionSecrets({
    db: services.db,
    secrets: services.secrets,
  });
  console.log(`checked ${checked} stored secrets, re-sealed ${resealed} under the current key`);
  if (unreadable.length > 0) {
    console.error(
      `${unreadable.length} secrets open under no configured key (connections ${unreadable.join(', ')})`,
    );
    process.exitCode = 1;
  }
} finally {
  await close();
}
