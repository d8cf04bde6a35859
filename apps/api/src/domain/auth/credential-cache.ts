import type { Principal } from './principal.ts';

/**
 * Recently verified credentials, by secret hash, so the hot path does not pay a database round
 * trip per request. Entries live `ttlSeconds` at most: a session revoked on another API instance
 * stays usable here for at most that long (revocations on this instance take effect at once).
 */
export interface CredentialCache {
  get(secretHash: string): Principal | undefined;
  set(secretHash: string, principal: Principal, notAfter?: Date): void;
  forget(secretHash: string): void;
}

const MAX_ENTRIES = 10_000;

export function createCredentialCache(ttlSeconds: number): CredentialCache {
  const entries = new Map<string, { principal: Principal; expiresAt: number }>();
  return {
    get(secretHash) {
      const entry = entries.get(secretHash);
      if (!entry) return undefined;
      if (entry.expiresAt > Date.now()) return entry.principal;
      entries.delete(secretHash);
      return undefined;
    },
    set(secretHash, principal, notAfter) {
      if (ttlSeconds <= 0) return;
      // Oldest first: Map keeps insertion order.
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value ?? '');
      const expiresAt = Math.min(
        Date.now() + ttlSeconds * 1000,
        notAfter?.getTime() ?? Number.POSITIVE_INFINITY,
      );
      entries.set(secretHash, { principal, expiresAt });
    },
    forget(secretHash) {
      entries.delete(secretHash);
    },
  };
}
