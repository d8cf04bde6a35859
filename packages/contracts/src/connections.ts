import { z } from 'zod';

export const CONNECTION_TYPES = ['postgresql', 'mysql', 'sqlite', 'mongodb'] as const;

/** TLS for PostgreSQL connections, by libpq's `sslmode` names (`allow` is not offered). */
export const SSL_MODES = ['disable', 'prefer', 'require', 'verify-ca', 'verify-full'] as const;
export type SslMode = (typeof SSL_MODES)[number];

const PEM_CERTIFICATES = /^\s*(-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+-----END CERTIFICATE-----\s*)+$/;

export const ConnectionIdSchema = z.uuid({ message: 'must be a connection id (a UUID)' });

const fields = {
  name: z.string().trim().min(1).max(100),
  description: z.string().max(1000).optional(),
  type: z.enum(CONNECTION_TYPES),
  host: z.string().trim().min(1).max(253).optional(),
  port: z.int().min(1).max(65_535).optional(),
  /** Database name; for SQLite, the file path relative to the configured directory. */
  database: z.string().trim().min(1).max(500).optional(),
  username: z.string().max(200).optional(),
  /** Write-only: stored sealed, never returned. */
  password: z.string().max(1000).optional(),
  /** Write-only alternative to host/port/database/username/password. */
  connectionString: z.string().trim().min(1).max(2000).optional(),
  /**
   * PostgreSQL only. `prefer` (the default) uses TLS when the server offers it; `require` insists
   * on it; `verify-ca` also checks the certificate chain, `verify-full` the host name too.
   */
  sslMode: z.enum(SSL_MODES).optional(),
  /** PEM certificates to trust for verify-ca/verify-full, beside the system's (e.g. a cloud's CA). */
  sslRootCert: z
    .string()
    .max(50_000)
    .regex(PEM_CERTIFICATES, 'must be PEM certificates (-----BEGIN CERTIFICATE----- …)')
    .optional(),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #3366ff')
    .optional(),
  active: z.boolean().optional(),
};

export const ConnectionInputSchema = z.object(fields);
export const ConnectionPatchSchema = z.object({
  ...fields,
  name: fields.name.optional(),
  type: fields.type.optional(),
  /** null removes the trusted certificates. */
  sslRootCert: fields.sslRootCert.nullable(),
});

export type ConnectionInput = z.infer<typeof ConnectionInputSchema>;
export type ConnectionPatch = z.infer<typeof ConnectionPatchSchema>;

/**
 * What `connections.testInput` tries without saving: where to connect, as a save would take it.
 * `id` names a saved connection whose stored secret stands in for a password or connection
 * string left blank (editing never shows them).
 */
export const ConnectionTestInputSchema = ConnectionInputSchema.omit({
  name: true,
  description: true,
  color: true,
  active: true,
}).extend({ id: ConnectionIdSchema.optional() });

export type ConnectionTestInput = z.infer<typeof ConnectionTestInputSchema>;
