/**
 * Who a request acts for, resolved once per request from its credentials.
 * - a user (by session token, user API key, or trusted proxy header);
 * - a worker (by worker API key): may call worker procedures only.
 */
export type Principal =
  | { kind: 'user'; userId: string; via: 'session'; sessionId: string }
  | { kind: 'user'; userId: string; via: 'api_key'; apiKeyId: string }
  | { kind: 'user'; userId: string; via: 'proxy' }
  | { kind: 'worker'; apiKeyId: string };

/** Why credentials were refused; shown to the caller in the 401. */
export type AuthFailure = 'invalid_token' | 'expired_token' | 'invalid_session' | 'invalid_proxy_credentials';

/**
 * `viaCookie`: the credential was the browser's session cookie, which the browser attaches to
 * requests other sites make too — such a request may only read unless it comes from this app
 * (see http/cross-site-writes.ts).
 */
export type Authentication =
  | { principal: Principal; viaCookie?: true }
  | { principal: null; failure?: AuthFailure };

export const FAILURE_MESSAGES = {
  invalid_token: 'The bearer token or API key is not valid (unknown or revoked).',
  expired_token: 'The session has expired: sign in again.',
  invalid_session: 'The session has ended (signed out or unknown): sign in again.',
  invalid_proxy_credentials: 'The proxy credentials are not valid.',
} as const satisfies Record<AuthFailure, string>;

/** The user a procedure acts for; every owned resource is scoped to `id`. */
export interface User {
  id: string;
}
