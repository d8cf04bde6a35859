import { createDatabase } from '@schema-builder/db';
import { createApiKey } from '../domain/api-keys/api-keys.ts';
import { loadConfig } from '../env.ts';

/**
 * `pnpm --filter @schema-builder/api worker-key [name]`: creates a worker API key (it can call
 * worker procedures only) and prints it once. Needs DATABASE_URL (the metadata database).
 */
const config = loadConfig();
if (!config.DATABASE_URL) {
  console.error('DATABASE_URL is required: the key is stored in the metadata database.');
  process.exit(1);
}
const { db, close } = createDatabase({ url: config.DATABASE_URL, max: 1 });
try {
  const name = process.argv[2] ?? 'worker';
  const { key, apiKey } = await createApiKey({
    db,
    origin: { requestId: 'cli' },
    userId: null,
    name,
    scope: 'worker',
  });
  console.log(`worker key "${apiKey.name}" (${apiKey.id}); shown only now:\n${key}`);
} finally {
  await close();
}
