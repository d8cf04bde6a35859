import { LOG_FORMATS, parseTargetList } from '@schema-builder/provisioning';
import ipaddr from 'ipaddr.js';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Names proxy-addr (Fastify's trustProxy) knows besides addresses and CIDRs. */
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyEntry(entry: string): boolean {
  return PROXY_RANGES.has(entry) || ipaddr.isValid(entry) || ipaddr.isValidCIDR(entry);
}

/** Configuration of the API, validated once at start. Nothing else reads process.env. */
export const ConfigSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    /** Metadata database. Unset: an embedded PostgreSQL is started with its data in DATA_DIR. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
      .optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    DATA_DIR: z.string().min(1).default('.data'),
    EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1).max(65_535).default(54_320),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    /** `pretty` (readable lines) or `json` (one JSON object a line). Unset: pretty on a terminal, else JSON. */
    LOG_FORMAT: z.enum(LOG_FORMATS).optional(),
    /** Comma-separated origins allowed by CORS; `*` allows any. Empty: no cross-origin access. */
    /**
     * The built web app (apps/web/dist) served at `/`. Unset: the web app beside the API in this
     * repository. A folder without index.html serves no app (the API works alone).
     */
    WEB_DIST_DIR: z.string().min(1).optional(),
    CORS_ORIGINS: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean),
      ),
    /** Largest accepted request body in bytes. */
    BODY_LIMIT: z.coerce
      .number()
      .int()
      .min(1024)
      .max(100 * 1024 * 1024)
      .default(5 * 1024 * 1024),
    /** `builtin`: accounts, sessions and API keys here. `proxy`: a gateway authenticates (see below). */
    AUTH_MODE: z.enum(['builtin', 'proxy']).default('builtin'),
    /** Proxy mode: the user id header is honoured only when this shared secret comes with it. */
    AUTH_PROXY_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    AUTH_PROXY_USER_HEADER: z.string().toLowerCase().default('x-user-id'),
    AUTH_PROXY_SECRET_HEADER: z.string().toLowerCase().default('x-proxy-secret'),
    /**
     * How long a verified token or key is trusted without asking the database again. A revocation
     * made on another API instance takes effect after at most this long; 0 disables the cache.
     */
    AUTH_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(5),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 365)
      .default(24 * 30),
    /**
     * Sign-in throttling (domain/auth/sign-in-throttle.ts). Failures count per e-mail and client
     * address: after this many that address waits 1 s before trying that e-mail again, and each
     * further failure doubles the wait, up to SIGN_IN_BACKOFF_MAX_SECONDS. Other addresses (the
     * owner's) are not held up.
     */
    SIGN_IN_BACKOFF_AFTER_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
    SIGN_IN_BACKOFF_MAX_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 3600)
      .default(15 * 60),
    /** Failures for one e-mail from all addresses together that lock it until its window ends. */
    SIGN_IN_ACCOUNT_MAX_FAILURES: z.coerce.number().int().min(2).default(100),
    /** How long failures are counted, from the first one (for both counts). */
    SIGN_IN_WINDOW_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .default(60),
    /**
     * Which proxies in front of the API may say who the client is (X-Forwarded-For), so sign-in
     * throttling, rate limits and the audit log see the client instead of the proxy. Unset: none.
     * `true` (any: only when every request passes a proxy that overwrites the header), a hop count,
     * or comma-separated addresses, CIDRs or `loopback`/`linklocal`/`uniquelocal`.
     */
    TRUST_PROXY: z
      .string()
      .default('')
      .transform((value, ctx): boolean | number | string[] => {
        const text = value.trim();
        if (text === '' || text === 'false') return false;
        if (text === 'true') return true;
        if (/^\d+$/.test(text)) return Number(text);
        const entries = text
          .split(',')
          .map((entry) => entry.trim())
          .filter(Boolean);
        for (const entry of entries.filter((entry) => !isProxyEntry(entry))) {
          ctx.addIssue({ code: 'custom', message: `${entry} is not an address, a CIDR or a known range` });
        }
        return entries;
      }),
    /** Requests per minute per user (or per IP before sign-in), and the stricter auth limits per IP. */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    RATE_LIMIT_SIGN_IN_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    RATE_LIMIT_SIGN_UP_PER_MINUTE: z.coerce.number().int().min(1).default(5),
    /**
     * Key sealing stored secrets (32 bytes as 64 hex digits or base64). Unset: a key generated once
     * and kept in DATA_DIR/secrets.key. Rotation: set the new key here and the old ones in
     * SECRETS_PREVIOUS_KEYS (comma-separated), then run `pnpm --filter @schema-builder/api secrets:reseal`.
     */
    SECRETS_KEY: z.string().optional(),
    SECRETS_PREVIOUS_KEYS: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((key) => key.trim())
          .filter(Boolean),
      ),
    /**
     * Saved connections may not reach loopback, private, link-local or the service's own database
     * unless listed here: comma-separated host names or CIDRs (e.g. `db.internal,10.0.0.0/8`).
     */
    CONNECTIONS_ALLOWED_HOSTS: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((entry) => entry.trim())
          .filter(Boolean),
      ),
    /** SQLite connections may only open files below this directory. Unset: SQLite is refused. */
    CONNECTIONS_SQLITE_DIR: z.string().optional(),
    CONNECTION_TEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
    /** How long importing a database's structure may take. */
    IMPORT_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(60_000),
    /**
     * Servers that hold provisioned databases: `name=postgres://admin@host/postgres` pairs,
     * comma-separated; a new database goes to the one holding the fewest. Unset: the metadata
     * server, named `default`. The worker reads the same setting (it does the work there).
     */
    PROVISION_TARGETS: z
      .string()
      .default('')
      .superRefine((text, ctx) => {
        if (text.trim() === '') return;
        try {
          parseTargetList(text);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
        }
      }),
    /**
     * A name written into the marker of every database and role this deployment creates, beside
     * the id generated once in its metadata database (see domain/databases/deployment.ts): two
     * installations may share a name, never objects.
     */
    DEPLOYMENT_ID: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be 1-64 of [A-Za-z0-9_.:-]')
      .default('schema-builder'),
    /** A job whose worker stops heartbeating for this long is offered to another worker. */
    JOB_EXPIRE_SECONDS: z.coerce.number().int().min(2).max(3600).default(30),
    /** How often expired jobs are looked for (pg-boss maintenance). */
    JOB_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).max(300).default(5),
    /** How many times a job whose worker died is retried before the database is marked failed. */
    JOB_RETRY_LIMIT: z.coerce.number().int().min(0).max(20).default(3),
    /** Provisioning requests (create, regenerate, drop, rotate, migrate) per user per minute. */
    RATE_LIMIT_PROVISION_PER_MINUTE: z.coerce.number().int().min(1).default(60),
    /**
     * Past any of these limits the API answers 503 SERVICE_UNAVAILABLE (readiness too) instead of
     * answering late: mean event loop delay in ms, event loop utilisation (0-1), heap used in bytes.
     * 0 turns a limit off.
     */
    OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).default(1000),
    OVERLOAD_MAX_EVENT_LOOP_UTILIZATION: z.coerce.number().min(0).max(1).default(0),
    OVERLOAD_MAX_HEAP_USED_BYTES: z.coerce.number().int().min(0).default(0),
    /**
     * Bearer token a Prometheus scraper sends to GET /metrics. Unset: /metrics answers requests
     * from this machine only (loopback, not forwarded by a proxy).
     */
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    /** `pnpm start` sets this: the supervisor also runs one worker process, with a worker key made for it. */
    START_WORKER: z
      .enum(['true', 'false'])
      .default('false')
      .transform((value) => value === 'true'),
    /** Largest design accepted (422 DESIGN_TOO_LARGE above). */
    MAX_DESIGN_TABLES: z.coerce.number().int().min(1).max(5000).default(1000),
    MAX_DESIGN_COLUMNS_PER_TABLE: z.coerce.number().int().min(1).max(1600).default(1600),
    MAX_DESIGN_COLUMNS: z.coerce.number().int().min(1).default(50_000),
  })
  .refine((config) => config.AUTH_MODE !== 'proxy' || config.AUTH_PROXY_SECRET !== undefined, {
    path: ['AUTH_PROXY_SECRET'],
    message: 'is required when AUTH_MODE=proxy',
  })
  // A ceiling one address could reach alone would hand everyone a lockout again.
  .refine((config) => config.SIGN_IN_ACCOUNT_MAX_FAILURES > 2 * config.SIGN_IN_BACKOFF_AFTER_FAILURES, {
    path: ['SIGN_IN_ACCOUNT_MAX_FAILURES'],
    message: 'must be more than twice SIGN_IN_BACKOFF_AFTER_FAILURES',
  });

export type Config = z.infer<typeof ConfigSchema>;

/** Parses the environment; on error prints every bad variable and exits. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = ConfigSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues
    .map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    .join('\n');
  console.error(`Invalid configuration:\n${problems}`);
  process.exit(1);
}

/** The worker's own settings: the supervisor passes them through to the worker it runs. */
const WORKER_SETTINGS = [
  'WORKER_CONCURRENCY',
  'WORKER_HEARTBEAT_SECONDS',
  'WORKER_POOL_SIZE',
  'RECONCILE_INTERVAL_SECONDS',
] as const;

/** The worker settings that are set here (the worker validates them itself). */
export function workerSettings(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const name of WORKER_SETTINGS) {
    const value = env[name];
    if (value !== undefined) settings[name] = value;
  }
  return settings;
}

/** The environment of the API process the supervisor runs: this process's, with `overrides`. */
export function apiProcessEnv(
  overrides: Record<string, string>,
  env: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  return { ...env, ...overrides };
}
