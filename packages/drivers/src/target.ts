/**
 * TLS for PostgreSQL, by libpq's `sslmode` names (`allow` is not offered). The API's input schema
 * lists the modes a user may choose (`@schema-builder/contracts`); each must be one of these.
 */
export type PostgresSslMode = 'disable' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';

/** A server reached over TCP: the address is already resolved and checked by the caller. */
interface ServerTarget {
  /** An IP address, connected to as it is (never resolved, never re-checked here). */
  address: string;
  /** Null: the engine's default port. */
  port?: number | null | undefined;
  database?: string | null | undefined;
  username?: string | null | undefined;
  password?: string | null | undefined;
}

/** Where and how to connect; every kind carries only what its driver needs. */
export type DriverTarget =
  | (ServerTarget & {
      type: 'postgresql';
      /** The TLS mode, extra trusted certificates, and the host name a certificate must be for. */
      tls?: { mode: PostgresSslMode; rootCert: string | null; host: string } | undefined;
    })
  | (ServerTarget & { type: 'mysql' })
  /** A file path the caller has confined; opened read-only. */
  | { type: 'sqlite'; file: string }
  /** The MongoDB driver has no socket hook: its URL's host must already be the checked address. */
  | { type: 'mongodb'; connectionString: string; database?: string | null | undefined };

export type DriverType = DriverTarget['type'];
