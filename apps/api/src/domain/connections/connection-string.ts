import type { ConnectionInput } from './types.ts';

type ServerType = Exclude<ConnectionInput['type'], 'sqlite'>;

/**
 * What a saved connection string may say. It names one host, which the host policy checks; its
 * options may not name another host, a file or a credential source, because those would reach
 * past the policy (MongoDB's `proxyHost`, `tlsCAFile`, `authMechanism=MONGODB-AWS` fetching from
 * 169.254.169.254, SRV and replica-set discovery of other hosts; libpq's `host`, `sslkey`,
 * `passfile`; MySQL's local infile). So options are an allowlist, checked on save and again
 * before every connection (rows saved before this rule existed are refused too).
 */
const SCHEMES: Record<ServerType, readonly string[]> = {
  postgresql: ['postgres:', 'postgresql:'],
  mysql: ['mysql:', 'mariadb:'],
  mongodb: ['mongodb:'],
};

/** Options that change nothing about where or as whom we connect (the values are checked below). */
const ALLOWED_OPTIONS: Record<ServerType, readonly string[]> = {
  postgresql: ['sslmode', 'application_name'],
  mysql: [],
  mongodb: ['authSource', 'authMechanism', 'tls', 'ssl', 'appName', 'directConnection', 'readPreference'],
};

/** Mechanisms that only send the user name and password of the URL. */
const MONGO_MECHANISMS = ['DEFAULT', 'SCRAM-SHA-1', 'SCRAM-SHA-256'];

/** Why an option is refused, for those people are likely to try. */
const REASONS: Record<string, string> = {
  proxyhost: 'it sends the connection through another host',
  proxyport: 'it sends the connection through another host',
  tlscafile: 'it reads a file on this server',
  tlscertificatekeyfile: 'it reads a file on this server',
  tlscrlfile: 'it reads a file on this server',
  authmechanismproperties: 'it names a credential source',
  replicaset: 'it connects to hosts the server announces',
  loadbalanced: 'it connects to hosts the server announces',
  host: 'it names another host',
  hostaddr: 'it names another host',
  sslkey: 'it reads a file on this server',
  sslcert: 'it reads a file on this server',
  sslrootcert: 'it reads a file on this server (give sslRootCert instead)',
  passfile: 'it reads a file on this server',
  service: 'it reads a file on this server',
  localinfile: 'it lets the server read files here',
  allowlocalinfile: 'it lets the server read files here',
};

/** The first thing wrong with a connection string for `type`, as a message; undefined when fine. */
export function connectionStringProblem(type: ServerType, text: string): string | undefined {
  if (type === 'mongodb' && /^mongodb\+srv:/i.test(text))
    return 'mongodb+srv:// looks its hosts up in DNS: give mongodb://host:port instead.';
  const authority = text.replace(/^[a-z+]+:\/\//i, '').split(/[/?#]/)[0] ?? '';
  if (authority.slice(authority.lastIndexOf('@') + 1).includes(','))
    return 'names several hosts: give one host (each connection goes to one checked address).';
  if (!URL.canParse(text)) return 'must be a URL such as postgres://user:password@host:5432/db';
  const url = new URL(text);
  if (!SCHEMES[type].includes(url.protocol))
    return `must start with ${SCHEMES[type].map((scheme) => `${scheme}//`).join(' or ')} for a ${type} connection.`;
  if (!url.hostname) return 'must name a host.';
  for (const [key, value] of url.searchParams) {
    const known = ALLOWED_OPTIONS[type].find((option) => option.toLowerCase() === key.toLowerCase());
    if (!known) {
      const reason = REASONS[key.toLowerCase().replace(/[-_]/g, '')];
      const allowed = ALLOWED_OPTIONS[type].join(', ') || 'none';
      return `the option "${key}" is not allowed here: ${reason ?? `only these options are (${allowed})`}.`;
    }
    if (known === 'authMechanism' && !MONGO_MECHANISMS.includes(value.toUpperCase()))
      return `authMechanism=${value} is not allowed here: use ${MONGO_MECHANISMS.join(', ')} (a user name and password).`;
    if (known === 'directConnection' && value !== 'true')
      return 'directConnection must be true: the connection goes to the one host named.';
  }
  return undefined;
}
