/** A PostgreSQL server that holds provisioned databases. */
export interface TargetServer {
  /** Stable name recorded with each database (`default` for the metadata server). */
  name: string;
  /** A superuser, or a role with CREATEDB and CREATEROLE, on the server's maintenance database. */
  adminUrl: string;
}

/**
 * The target for a new database: the one holding the fewest, ties broken by name so that
 * concurrent choosers agree. `counts` maps target names to their current number of databases;
 * a target missing from it holds none.
 */
export function chooseTarget<T extends TargetServer>(
  targets: readonly T[],
  counts: ReadonlyMap<string, number>,
): T {
  let best: T | undefined;
  let bestCount = Number.POSITIVE_INFINITY;
  for (const target of targets) {
    const count = counts.get(target.name) ?? 0;
    if (count < bestCount || (count === bestCount && best !== undefined && target.name < best.name)) {
      best = target;
      bestCount = count;
    }
  }
  if (!best) throw new Error('no target server is configured');
  return best;
}

/** Checks a configured list: at least one target, unique names, postgres:// URLs. */
export function checkTargets<T extends TargetServer>(targets: readonly T[]): readonly T[] {
  if (targets.length === 0) throw new Error('no target server is configured');
  const seen = new Set<string>();
  for (const target of targets) {
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(target.name))
      throw new Error(`target name ${JSON.stringify(target.name)} must be 1-64 of [A-Za-z0-9_.-]`);
    if (seen.has(target.name)) throw new Error(`target name ${target.name} is configured twice`);
    seen.add(target.name);
    const protocol = safeUrl(target.adminUrl)?.protocol;
    if (protocol !== 'postgres:' && protocol !== 'postgresql:')
      throw new Error(`target ${target.name}: adminUrl must be a postgres:// URL`);
  }
  return targets;
}

/** The URL without its password, for logs and error messages. */
export function redactUrl(url: string): string {
  const parsed = safeUrl(url);
  if (!parsed) return '(invalid URL)';
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

function safeUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** `serverUrl` pointing at another database on the same server, with the same credentials. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}
