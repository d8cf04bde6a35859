import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { DRIVER_FAILURES, type DriverTarget, ping } from '@schema-builder/drivers';

/** Where a saved connection may not point, or what of it cannot be used: this service's policy. */
const POLICY_REFUSALS = ['HOST_NOT_ALLOWED', 'PATH_NOT_ALLOWED', 'SECRET_UNREADABLE'] as const;

/** What a connection test reports: stable codes, never the server's own text. */
export const PROBE_CODES = [...POLICY_REFUSALS, ...DRIVER_FAILURES] as const;
export type ProbeCode = (typeof PROBE_CODES)[number];

export type ProbeResult = { ok: true; latencyMs: number } | { ok: false; code: ProbeCode; message: string };

export const PROBE_MESSAGES: Record<ProbeCode, string> = {
  HOST_NOT_ALLOWED:
    'Connections to local, private or internal addresses are not allowed here (the operator can allow one with CONNECTIONS_ALLOWED_HOSTS).',
  HOST_NOT_FOUND: 'The host name does not resolve.',
  UNREACHABLE: 'No database answered at that address and port in time.',
  AUTH_FAILED: 'The server refused the user name or password.',
  DATABASE_NOT_FOUND: 'The server has no database by that name.',
  PATH_NOT_ALLOWED: 'SQLite files must be inside the directory this service is configured for.',
  SECRET_UNREADABLE: 'The stored password cannot be read (the secret key changed?). Save it again.',
  TLS_FAILED:
    'No trusted TLS connection: the server does not accept TLS, or its certificate is not trusted (sslRootCert) or not for this host.',
  FAILED: 'The connection failed.',
};

/**
 * Opens the connection (to a target whose address the host policy already checked), runs the
 * cheapest query there is, closes it; bounded by `timeoutMs`.
 */
export async function probe(target: DriverTarget, timeoutMs: number): Promise<ProbeResult> {
  const result = await ping(target, timeoutMs);
  return result.ok ? result : { ok: false, code: result.code, message: PROBE_MESSAGES[result.code] };
}

/** A path below `directory`, after resolving links; undefined when it escapes or is missing. */
export async function confinedPath(directory: string, file: string): Promise<string | undefined> {
  const root = await realpath(directory).catch(() => undefined);
  const resolved = await realpath(path.resolve(directory, file)).catch(() => undefined);
  if (!root || !resolved) return undefined;
  return resolved.startsWith(`${root}${path.sep}`) ? resolved : undefined;
}
