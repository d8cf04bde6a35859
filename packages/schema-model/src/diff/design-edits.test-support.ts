import fc from 'fast-check';
import type { Reserved } from '../ddl/design-arbitrary.test-support.ts';
import { SYSTEM_COLUMNS } from '../ddl/design-arbitrary.test-support.ts';
import { nameArb, textArb } from '../ddl/design-arbitrary-names.test-support.ts';
import { opt, typedColumnArb } from '../ddl/design-arbitrary-types.test-support.ts';
import type { DesignDocument } from '../design/document.ts';
import { validateDesign } from '../validation/validate.ts';
import { applyEdit } from './design-edit-apply.test-support.ts';

/**
 * Test support (fast-check only): random edits a user makes between two versions of a design —
 * renames (swaps included), columns and tables added and dropped, safe type changes and
 * conversions to text, nullability, uniqueness, identity, primary keys, foreign-key actions and
 * names, enum values and defaults, index names, comments. An edit that would make the design invalid is skipped, so the result always validates.
 */

const pick = fc.nat();
const ACTIONS = ['NO ACTION', 'RESTRICT', 'CASCADE', 'SET NULL'] as const;

export const editArb = fc.oneof(
  fc.record({ kind: fc.constant('renameTable' as const), pick, name: nameArb }),
  fc.record({ kind: fc.constant('swapTableNames' as const), pick, other: pick }),
  fc.record({ kind: fc.constant('renameColumn' as const), pick, column: pick, name: nameArb }),
  fc.record({ kind: fc.constant('swapColumnNames' as const), pick, column: pick, other: pick }),
  fc.record({
    kind: fc.constant('addColumn' as const),
    pick,
    name: nameArb,
    typed: typedColumnArb,
    nullable: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('dropColumn' as const), pick, column: pick }),
  fc.record({ kind: fc.constant('addTable' as const), name: nameArb }),
  fc.record({ kind: fc.constant('dropTable' as const), pick }),
  fc.record({ kind: fc.constant('widenType' as const), pick, column: pick, choice: fc.boolean() }),
  fc.record({ kind: fc.constant('toggleNullable' as const), pick, column: pick }),
  fc.record({ kind: fc.constant('toggleUnique' as const), pick, column: pick }),
  fc.record({ kind: fc.constant('toggleIdentity' as const), pick, column: pick }),
  fc.record({ kind: fc.constant('toText' as const), pick, column: pick }),
  fc.record({ kind: fc.constant('setEnumDefault' as const), pick, column: pick, at: pick }),
  fc.record({ kind: fc.constant('togglePrimaryKey' as const), pick, column: pick }),
  fc.record({ kind: fc.constant('foreignKeyAction' as const), pick, action: fc.constantFrom(...ACTIONS) }),
  fc.record({ kind: fc.constant('renameForeignKey' as const), pick, name: opt(nameArb) }),
  fc.record({ kind: fc.constant('renameEnum' as const), pick, name: nameArb }),
  fc.record({
    kind: fc.constant('addEnumValue' as const),
    pick,
    at: pick,
    value: nameArb,
    useAsDefault: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('removeEnumValue' as const), pick, at: pick }),
  fc.record({ kind: fc.constant('renameEnumValue' as const), pick, at: pick, value: nameArb }),
  fc.record({ kind: fc.constant('renameIndex' as const), pick, name: nameArb }),
  fc.record({ kind: fc.constant('dropIndex' as const), pick }),
  fc.record({ kind: fc.constant('comment' as const), pick, column: opt(pick), text: opt(textArb) }),
);

export type Edit = typeof editArb extends fc.Arbitrary<infer T> ? T : never;

function usesReservedName(doc: DesignDocument, reserved: Reserved): boolean {
  return (
    (doc.enums ?? []).some((e) => reserved.types.has(e.name)) ||
    doc.tables.some(
      (t) =>
        reserved.types.has(t.name) ||
        reserved.relations.has(t.name) ||
        t.columns.some((c) => SYSTEM_COLUMNS.has(c.name)) ||
        (t.indexes ?? []).some((i) => reserved.relations.has(i.name)),
    )
  );
}

/** `doc` after the edits that keep it valid, in order. */
export function applyEdits(doc: DesignDocument, edits: readonly Edit[], reserved: Reserved): DesignDocument {
  let current = doc;
  for (const edit of edits) {
    const next = structuredClone(current);
    applyEdit(next, edit);
    if (usesReservedName(next, reserved)) continue;
    if (validateDesign(next).errors.length === 0) current = next;
  }
  return current;
}
