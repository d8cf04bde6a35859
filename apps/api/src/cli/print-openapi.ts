import { writeFile } from 'node:fs/promises';
import { buildOpenApiDocument } from '../rest/openapi.ts';
import { APP_VERSION } from '../server.ts';
import { appRouter } from '../trpc/root.ts';

/**
 * `pnpm --filter @schema-builder/api openapi [file]`: the OpenAPI document the server serves at
 * /api/v1/openapi.json, without starting it (for client generators in CI). Stdout without a file.
 */
const json = `${JSON.stringify(buildOpenApiDocument(appRouter, APP_VERSION), null, 2)}\n`;
const [file] = process.argv.slice(2);
if (file) await writeFile(file, json);
else process.stdout.write(json);
