import { checkTargets, type TargetServer } from './targets.ts';

/**
 * Parses the `PROVISION_TARGETS` setting: `name=postgres://…` pairs separated by commas or
 * whitespace, e.g. `east=postgres://admin@db1/postgres, west=postgres://admin@db2/postgres`.
 * Throws with a message naming the bad entry (never the URL, which holds a password).
 */
export function parseTargetList(text: string): TargetServer[] {
  const entries = text
    .split(/[\s,]+/)
    .map((entry) => entry.trim())
    .filter(Boolean);
  const targets = entries.map((entry, index) => {
    const separator = entry.indexOf('=');
    if (separator <= 0) throw new Error(`entry ${index + 1} must look like name=postgres://…`);
    return { name: entry.slice(0, separator), adminUrl: entry.slice(separator + 1) };
  });
  return [...checkTargets(targets)];
}
