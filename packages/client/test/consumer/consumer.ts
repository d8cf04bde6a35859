// A project outside the monorepo that installed the packed client (see ../../src/package.pg.test.ts; copied by ../../src/packed-consumer.test-support.ts).
import {
  createClient,
  ERROR_CODES,
  type ErrorCode,
  errorBodyOf,
  isApiError,
  type RouterInputs,
  type RouterOutputs,
} from '@schema-builder/client';

// No @types/node here: the client's types need none, so the consumer declares what it reads.
declare const process: { env: Record<string, string | undefined> };

const url = process.env.API_URL ?? 'http://127.0.0.1:3000';
const api = createClient({ url, token: process.env.API_TOKEN ?? '' });

const design: RouterInputs['schemas']['create'] = { name: 'packed-client', tables: [] };
const created = await api.schemas.create.mutate(design);
const fetched: RouterOutputs['schemas']['get'] = await api.schemas.get.query({ id: created.id });
const version: number = fetched.version;

// Wrong uses, there to fail to compile (the test checks the directives are needed); never called.
export function misspelledProcedure() {
  // @ts-expect-error a misspelled procedure does not compile
  return api.schemas.gett.query({ id: created.id });
}
// @ts-expect-error a misspelled error code does not compile
const misspelled: ErrorCode = 'SCHEMA_MISSING';

const missing = await api.schemas.get.query({ id: '00000000-0000-4000-8000-000000000000' }).catch((e) => e);
let code: ErrorCode | undefined;
if (isApiError(missing, 'SCHEMA_NOT_FOUND')) {
  const narrowed: 'SCHEMA_NOT_FOUND' = missing.data.error.code;
  code = narrowed;
}

console.log(
  JSON.stringify({
    name: fetched.name,
    version,
    code,
    requestId: errorBodyOf(missing)?.requestId,
    knownCodes: ERROR_CODES.length,
    misspelled,
  }),
);
