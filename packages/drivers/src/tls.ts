import { isIP } from 'node:net';
import { checkServerIdentity, type PeerCertificate, rootCertificates } from 'node:tls';
import type postgres from 'postgres';
import { DriverError } from './failures.ts';
import type { DriverTarget } from './target.ts';

type PostgresTls = Extract<DriverTarget, { type: 'postgresql' }>['tls'];

/** postgres.js's `ssl` for a TLS mode (what libpq's sslmode means, minus `allow`). */
export function postgresTls(tls: PostgresTls): postgres.Options<Record<string, never>>['ssl'] {
  if (!tls || tls.mode === 'disable') return false;
  if (tls.mode === 'prefer' || tls.mode === 'require') return tls.mode;
  const verifyHost = tls.mode === 'verify-full';
  return {
    rejectUnauthorized: true,
    // Extra trusted certificates add to the system's instead of replacing them.
    ...(tls.rootCert ? { ca: [...rootCertificates, tls.rootCert] } : {}),
    // We connect to the checked address; the certificate is checked against the saved name.
    ...(isIP(tls.host) ? {} : { servername: tls.host }),
    checkServerIdentity: (_address: string, certificate: PeerCertificate) =>
      verifyHost ? checkServerIdentity(tls.host, certificate) : undefined,
  };
}

/** Node's TLS and X.509 verification error codes (UNABLE_TO_VERIFY_LEAF_SIGNATURE, CERT_HAS_EXPIRED…). */
const TLS_ERROR =
  /CERT|CRL|SSL|TLS|EPROTO|UNABLE_TO_|INVALID_CA|INVALID_PURPOSE|PATH_LENGTH|HOSTNAME_MISMATCH/;

/** A failure to set up the TLS the mode demands, as TLS_FAILED. */
export function tlsFailure(tls: PostgresTls, error: unknown): DriverError | undefined {
  if (!tls || tls.mode === 'disable' || tls.mode === 'prefer') return undefined;
  const code = typeof error === 'object' && error && 'code' in error ? String(error.code) : '';
  // A server without TLS answers the TLS handshake by closing: postgres.js reports ECONNRESET.
  return TLS_ERROR.test(code) || code === 'ECONNRESET'
    ? new DriverError('TLS_FAILED', { cause: error })
    : undefined;
}
