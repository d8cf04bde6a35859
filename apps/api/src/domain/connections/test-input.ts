import type { Database } from '@schema-builder/db';
import type { SecretBox } from '@schema-builder/provisioning';
import { columnsOf, findConnection, secretAad, tlsColumnsOf } from './connections.ts';
import type { HostPolicy } from './host-policy.ts';
import type { ProbeResult } from './probe.ts';
import { PROBE_MESSAGES, probe } from './probe.ts';
import { type ProbeRefusal, resolveDescribed } from './test-connection.ts';
import { type ConnectionInput, type ConnectionTestInput, SSL_MODES } from './types.ts';

export interface TestConnectionInputOptions {
  db: Database;
  secrets: SecretBox;
  policy: HostPolicy;
  sqliteDir: string | undefined;
  timeoutMs: number;
  ownerId: string;
  input: ConnectionTestInput;
}

/**
 * Tries a connection that is not saved (the form's "Test" before saving): the same checks as a
 * save (422 at the field), the same host policy and timeout as a saved connection's test, and
 * nothing stored. With `id`, a password or connection string left blank is the saved one's.
 */
export async function testConnectionInput(options: TestConnectionInputOptions): Promise<ProbeResult> {
  const input = await withStoredSecret(options);
  if ('ok' in input) return input;
  const columns = columnsOf({ ...input, name: 'test' });
  const tls = tlsColumnsOf(input);
  const target = await resolveDescribed(
    {
      type: input.type,
      host: columns.host ?? null,
      port: columns.port ?? null,
      database: columns.database ?? null,
      username: columns.username ?? null,
      usesConnectionString: columns.usesConnectionString ?? false,
      secret: input.connectionString ?? input.password,
      sslMode: SSL_MODES.find((mode) => mode === tls.sslMode) ?? 'prefer',
      sslRootCert: tls.sslRootCert ?? null,
    },
    options,
  );
  return 'ok' in target ? target : probe(target, options.timeoutMs);
}

type TestInput = Omit<ConnectionTestInput, 'id'> & Pick<ConnectionInput, 'type'>;

/** The input, its blank secret filled from the saved connection `id` names (when it names one). */
async function withStoredSecret({
  db,
  secrets,
  ownerId,
  input,
}: TestConnectionInputOptions): Promise<TestInput | ProbeRefusal> {
  const { id, ...given } = input;
  if (id === undefined || given.password !== undefined || given.connectionString !== undefined) return given;
  const row = await findConnection(db, ownerId, id);
  if (row.secretSealed === null) return given;
  let secret: string;
  try {
    secret = secrets.open(row.secretSealed, secretAad(row.id));
  } catch {
    return { ok: false, code: 'SECRET_UNREADABLE', message: PROBE_MESSAGES.SECRET_UNREADABLE };
  }
  // A connection saved as a string is tried as that string unless new fields replace it.
  if (row.usesConnectionString)
    return given.host === undefined ? { ...given, connectionString: secret } : given;
  return { ...given, password: secret };
}
