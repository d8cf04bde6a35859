import type { UnsupportedKind, UnsupportedObject } from './catalog.ts';
import type { ImportContext } from './context.ts';
import { q } from './context.ts';
import { unsupportedCode } from './warnings.ts';

/** How each kind is named in messages and paths, and why a design cannot hold it. */
const KINDS: Readonly<Record<UnsupportedKind, { label: string; plural: string; why: string }>> = {
  view: { label: 'View', plural: 'views', why: 'a design has tables only' },
  materialized_view: {
    label: 'Materialized view',
    plural: 'materializedViews',
    why: 'a design has tables only',
  },
  trigger: { label: 'Trigger', plural: 'triggers', why: 'a design holds no code' },
  function: { label: 'Function', plural: 'functions', why: 'a design holds no code' },
  procedure: { label: 'Procedure', plural: 'procedures', why: 'a design holds no code' },
  event: { label: 'Scheduled event', plural: 'events', why: 'a design holds no code' },
  partition: {
    label: 'Partition',
    plural: 'partitions',
    why: 'a design has no partitioning; the partitioned table is imported as one plain table',
  },
  sequence: {
    label: 'Sequence',
    plural: 'sequences',
    why: 'a design has sequences only behind auto-increment columns',
  },
  check_constraint: { label: 'Check constraint', plural: 'checks', why: 'a design has no check constraints' },
  exclusion_constraint: {
    label: 'Exclusion constraint',
    plural: 'exclusions',
    why: 'a design has no exclusion constraints',
  },
  domain: {
    label: 'Domain',
    plural: 'domains',
    why: 'a design has no domains; columns using it get its base type',
  },
  composite_type: {
    label: 'Composite type',
    plural: 'compositeTypes',
    why: 'a design has no composite types',
  },
  range_type: { label: 'Range type', plural: 'rangeTypes', why: 'a design has no range types' },
  extension: { label: 'Extension', plural: 'extensions', why: 'a design does not install extensions' },
  inherited_table: {
    label: 'Table inheritance of',
    plural: 'inheritance',
    why: 'a design has no table inheritance; the child is imported as a standalone table with all its columns',
  },
  virtual_table: {
    label: 'Virtual table',
    plural: 'virtualTables',
    why: 'a design has no virtual (module) tables',
  },
  foreign_table: { label: 'Foreign table', plural: 'foreignTables', why: 'a design has no foreign tables' },
  rule: { label: 'Rule', plural: 'rules', why: 'a design has no rewrite rules' },
  policy: {
    label: 'Row-level security policy',
    plural: 'policies',
    why: 'a design has no row-level security',
  },
  table_outside_schema: { label: 'Table', plural: 'tables', why: 'it is outside the imported schema' },
};

/** One warning per object the design has no place for (a sequence a column adopted was reported there). */
export function warnUnsupported(ctx: ImportContext, objects: readonly UnsupportedObject[]): void {
  for (const object of objects) {
    if (object.kind === 'sequence' && object.schema === undefined && ctx.adoptedSequences.has(object.name))
      continue;
    const kind = KINDS[object.kind];
    const path = [
      ...(object.schema !== undefined ? ['schemas', object.schema] : []),
      ...(object.table !== undefined ? ['tables', object.table] : []),
      kind.plural,
      object.name,
    ];
    const qualified = object.schema !== undefined ? `${object.schema}.${object.name}` : object.name;
    const where =
      object.table !== undefined && object.kind !== 'inherited_table' ? ` on table ${q(object.table)}` : '';
    const detail = object.detail ? ` (${brief(object.detail)})` : '';
    ctx.warn(
      unsupportedCode(object.kind),
      path,
      `${kind.label} ${q(qualified)}${where}${detail} is not imported: ${kind.why}.`,
    );
  }
}

/** Definitions can be long and span lines: one line, cut at a readable length. */
function brief(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
