import type { Check } from '../design/model.ts';
import type { TablePair, TableVersion } from './context.ts';

/** A check in one version, with its SQL name there. */
export interface CheckVersion {
  check: Check;
  name: string;
}

export interface CheckPairs {
  /** Same id in both versions; `changed`: its expression (or its column) differs, so it is dropped and added again. */
  kept: Array<{ from: CheckVersion; to: CheckVersion; changed: boolean }>;
  added: CheckVersion[];
  dropped: CheckVersion[];
}

function versions(version: TableVersion): CheckVersion[] {
  return (version.table.checks ?? []).map((check, i) => ({
    check,
    name: version.names.checks?.[i] ?? check.name ?? check.id,
  }));
}

/**
 * A kept table's checks matched by id. PostgreSQL cannot alter a check's expression, so a new
 * expression is a drop and an add; the same expression under a new name is a rename.
 */
export function pairChecks(table: TablePair): CheckPairs {
  const before = new Map(versions(table.from).map((v) => [v.check.id, v]));
  const kept: CheckPairs['kept'] = [];
  const added: CheckVersion[] = [];
  for (const to of versions(table.to)) {
    const from = before.get(to.check.id);
    before.delete(to.check.id);
    if (from === undefined) added.push(to);
    else
      kept.push({
        from,
        to,
        changed: from.check.expression !== to.check.expression || from.check.columnId !== to.check.columnId,
      });
  }
  return { kept, added, dropped: [...before.values()] };
}
