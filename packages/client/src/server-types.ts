/**
 * All the client takes from the API. In the workspace these are the API's own types; `pnpm build`
 * compiles the client with this file replaced by their evaluated form (scripts/server-types.ts),
 * so the published package type-checks without the API's source or its server dependencies.
 * Export only types and `as const` lists from here.
 */

export { ERROR_CODES, type ErrorCode } from '@schema-builder/api/errors';
export type { AppRouter } from '@schema-builder/api/router';
