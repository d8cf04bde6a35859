/**
 * How an enum's list of values changes. Values have no ids, so identity is inferred only where it
 * is unambiguous: the same number of values with exactly one differing, at the same position, is
 * a rename. Values only added, with the old ones in their old order, are ADD VALUE at their
 * positions. Anything else (a value removed, values reordered) recreates the type.
 */
export type EnumValueChange =
  | { kind: 'none' }
  | { kind: 'rename'; from: string; to: string }
  | { kind: 'add'; additions: EnumAddition[] }
  | { kind: 'recreate'; removed: string[] };

/** One ADD VALUE: placed before or after an existing value, or at the end. */
export interface EnumAddition {
  value: string;
  before?: string;
  after?: string;
}

export function enumValueChange(from: readonly string[], to: readonly string[]): EnumValueChange {
  if (from.length === to.length && from.every((value, i) => value === to[i])) return { kind: 'none' };
  const renamed = singleRename(from, to);
  if (renamed) return renamed;
  if (new Set(to).size === to.length && isSubsequence(from, to))
    return { kind: 'add', additions: additions(from, to) };
  return { kind: 'recreate', removed: from.filter((value) => !to.includes(value)) };
}

function singleRename(from: readonly string[], to: readonly string[]): EnumValueChange | undefined {
  if (from.length !== to.length) return undefined;
  const differing = from.flatMap((value, i) => (value === to[i] ? [] : [i]));
  const [at] = differing;
  if (differing.length !== 1 || at === undefined) return undefined;
  const oldValue = from[at];
  const newValue = to[at];
  if (oldValue === undefined || newValue === undefined) return undefined;
  // A value that moved elsewhere is a reorder, not a rename.
  if (from.includes(newValue) || to.includes(oldValue)) return undefined;
  return { kind: 'rename', from: oldValue, to: newValue };
}

function isSubsequence(from: readonly string[], to: readonly string[]): boolean {
  let k = 0;
  for (const value of to) if (value === from[k]) k++;
  return k === from.length;
}

/** ADD VALUE statements, left to right, each placed next to a value that already exists. */
function additions(from: readonly string[], to: readonly string[]): EnumAddition[] {
  const current = [...from];
  const existing = new Set(from);
  const result: EnumAddition[] = [];
  to.forEach((value, k) => {
    if (existing.has(value)) return;
    const previous = k > 0 ? to[k - 1] : undefined;
    const first = current[0];
    if (previous !== undefined) {
      const at = current.indexOf(previous);
      result.push(at === current.length - 1 ? { value } : { value, after: previous });
      current.splice(at + 1, 0, value);
    } else if (first !== undefined) {
      result.push({ value, before: first });
      current.unshift(value);
    } else {
      result.push({ value });
      current.push(value);
    }
    existing.add(value);
  });
  return result;
}
