import { CONNECTION_TYPES, SSL_MODES } from '@schema-builder/contracts/connections';
import { z } from 'zod';

export {
  CONNECTION_TYPES,
  ConnectionIdSchema,
  type ConnectionInput,
  ConnectionInputSchema,
  type ConnectionPatch,
  ConnectionPatchSchema,
  type ConnectionTestInput,
  ConnectionTestInputSchema,
  SSL_MODES,
  type SslMode,
} from '@schema-builder/contracts/connections';

export const ConnectionSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    type: z.enum(CONNECTION_TYPES),
    host: z.string().nullable(),
    port: z.int().nullable(),
    database: z.string().nullable(),
    username: z.string().nullable(),
    hasSecret: z
      .boolean()
      .meta({ description: 'A password or connection string is stored (never returned)' }),
    usesConnectionString: z.boolean(),
    /** PostgreSQL connections' TLS mode; null for other kinds. */
    sslMode: z.enum(SSL_MODES).nullable(),
    sslRootCert: z.string().nullable(),
    color: z.string().nullable(),
    active: z.boolean(),
    lastTestedAt: z.string().nullable(),
    lastTestResult: z.string().nullable(),
    lastTestLatencyMs: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'Milliseconds the last test took to connect; null if it failed or never ran' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Connection' });

export type ConnectionResource = z.infer<typeof ConnectionSchema>;
