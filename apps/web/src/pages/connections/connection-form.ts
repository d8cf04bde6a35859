import type { RouterInputs, RouterOutputs } from '@schema-builder/client';
import {
  type CONNECTION_TYPES,
  type ConnectionInput,
  ConnectionInputSchema,
  type ConnectionPatch,
  SSL_MODES,
  type SslMode,
} from '@schema-builder/contracts/connections';
import { z } from 'zod';

export type Connection = RouterOutputs['connections']['list']['items'][number];
export type ConnectionType = (typeof CONNECTION_TYPES)[number];
export type TestInput = RouterInputs['connections']['testInput'];

/** How a connection is described: host, port … one by one, or one connection string. */
export type ConnectionMode = 'fields' | 'string';

/** `default`: send no sslMode, so the server's default (or a connection string's sslmode) holds. */
export type SslModeChoice = SslMode | 'default';

export const DEFAULT_COLOR = '#3b82f6';

export const TYPE_LABELS: Record<ConnectionType, string> = {
  postgresql: 'PostgreSQL',
  mysql: 'MySQL / MariaDB',
  sqlite: 'SQLite',
  mongodb: 'MongoDB',
};

export const DEFAULT_PORTS: Partial<Record<ConnectionType, number>> = {
  postgresql: 5432,
  mysql: 3306,
  mongodb: 27017,
};

/** What the form holds: text as typed. The schema below turns it into the API's input. */
export interface ConnectionFormValues {
  name: string;
  description: string;
  type: ConnectionType;
  mode: ConnectionMode;
  host: string;
  port: string;
  database: string;
  username: string;
  password: string;
  connectionString: string;
  sslMode: SslModeChoice;
  sslRootCert: string;
  color: string;
}

const blank = (text: string) => (text.trim() === '' ? undefined : text);

/**
 * The form's text as the API's input: only the fields the chosen type and mode use, blanks
 * left out (a blank password or connection string keeps the saved one).
 */
export function toConnectionInput(values: ConnectionFormValues): z.input<typeof ConnectionInputSchema> {
  const common = {
    name: values.name,
    type: values.type,
    color: values.color,
    ...(values.description.trim() ? { description: values.description } : {}),
  };
  if (values.type === 'sqlite') return { ...common, database: values.database };
  const tls =
    values.type === 'postgresql'
      ? {
          ...(values.sslMode !== 'default' ? { sslMode: values.sslMode } : {}),
          sslRootCert: blank(values.sslRootCert),
        }
      : {};
  if (values.mode === 'string')
    return { ...common, ...tls, connectionString: blank(values.connectionString) };
  const port = blank(values.port);
  return {
    ...common,
    ...tls,
    host: blank(values.host),
    port: port === undefined ? undefined : Number(port),
    database: blank(values.database),
    username: blank(values.username),
    password: values.password === '' ? undefined : values.password,
  };
}

/** The API's own schema over the form's values: the same rules and messages as the server. */
export const ConnectionFormSchema = z
  .custom<ConnectionFormValues>()
  .transform(toConnectionInput)
  .pipe(ConnectionInputSchema);

/** The form's starting values: a saved connection's (never its secret), or a new one's. */
export function formValuesOf(connection?: Connection): ConnectionFormValues {
  if (!connection)
    return {
      name: '',
      description: '',
      type: 'postgresql',
      mode: 'fields',
      host: '',
      port: '',
      database: '',
      username: '',
      password: '',
      connectionString: '',
      sslMode: 'default',
      sslRootCert: '',
      color: DEFAULT_COLOR,
    };
  return {
    name: connection.name,
    description: connection.description,
    type: connection.type,
    mode: connection.usesConnectionString ? 'string' : 'fields',
    host: connection.host ?? '',
    port: connection.port === null ? '' : String(connection.port),
    database: connection.database ?? '',
    username: connection.username ?? '',
    password: '',
    connectionString: '',
    sslMode: connection.sslMode ?? 'default',
    sslRootCert: connection.sslRootCert ?? '',
    color: connection.color ?? DEFAULT_COLOR,
  };
}

const TARGET_FIELDS = ['host', 'port', 'database', 'username'] as const;

/**
 * What an edit changes, and only that: the API keeps every field not sent, and refuses new
 * host/port/… for a connection saved as a string unless a new string comes with them.
 */
export function toConnectionPatch(input: ConnectionInput, original: Connection): ConnectionPatch {
  const patch: ConnectionPatch = {};
  if (input.name !== original.name) patch.name = input.name;
  if ((input.description ?? '') !== original.description) patch.description = input.description ?? '';
  if (input.color !== undefined && input.color !== original.color) patch.color = input.color;
  if (input.type !== original.type) patch.type = input.type;
  if (input.connectionString !== undefined) patch.connectionString = input.connectionString;
  if (input.password !== undefined) patch.password = input.password;
  for (const field of TARGET_FIELDS) {
    const value = input[field];
    if (value !== undefined && value !== original[field]) Object.assign(patch, { [field]: value });
  }
  if (input.type === 'postgresql') {
    if (input.sslMode !== undefined && input.sslMode !== original.sslMode) patch.sslMode = input.sslMode;
    const rootCert = input.sslRootCert ?? null;
    if (rootCert !== original.sslRootCert) patch.sslRootCert = rootCert;
  }
  return patch;
}

/** What "Test" tries: where the form points, with the saved secret standing in for a blank one. */
export function toTestInput(input: ConnectionInput, savedId?: string): TestInput {
  const { name: _name, description: _description, color: _color, active: _active, ...target } = input;
  return savedId ? { ...target, id: savedId } : target;
}

export const SSL_MODE_LABELS: Record<SslModeChoice, string> = {
  default: 'Default (prefer, or the connection string’s sslmode)',
  disable: 'disable: no TLS',
  prefer: 'prefer: TLS when the server offers it',
  require: 'require: TLS, certificate not checked',
  'verify-ca': 'verify-ca: TLS, certificate chain checked',
  'verify-full': 'verify-full: TLS, chain and host name checked',
};

export const SSL_MODE_CHOICES: readonly SslModeChoice[] = ['default', ...SSL_MODES];
