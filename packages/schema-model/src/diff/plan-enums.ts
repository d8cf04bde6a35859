import { uniqueIdentifier } from '../ddl/naming.ts';
import { inSchema } from '../ddl/plan-create.ts';
import type { EnumType } from '../design/model.ts';
import { sequenceName } from './context.ts';
import type { Planner } from './planner.ts';
import { columnLabel, enumAt, q } from './planner.ts';
import { hazard } from './steps.ts';
import type { DataCheck } from './types.ts';

/**
 * Enums, in three places of the plan. Before columns change: new enums are created, values are
 * renamed or added in place, and a recreated enum's replacement is created under a temporary
 * name. After columns change: each replacement takes over its enum's name. Last: enums no
 * longer used are dropped.
 */

const quoteValues = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** Temporary names for recreated enums, clear of every type name either version uses. */
export function chooseReplacementNames(p: Planner): void {
  const taken = new Set<string>();
  for (const s of [p.ctx.from, p.ctx.to]) {
    for (const e of s.design.enums) taken.add(e.name);
    s.design.tables.forEach((table, i) => {
      taken.add(table.name);
      const names = s.names.tables[i];
      if (!names) return;
      for (const c of table.columns) if (c.identity) taken.add(sequenceName({ table, names }, c));
    });
  }
  for (const { to } of p.ctx.enums) {
    if (p.analysis.enumChanges.get(to.id)?.kind !== 'recreate') continue;
    const name = uniqueIdentifier(`${to.name}_new`, (n) => taken.has(n));
    taken.add(name);
    p.replacements.set(to.id, name);
  }
}

export function planEnumChanges(p: Planner): void {
  for (const e of p.ctx.addedEnums) {
    p.out.add({
      id: `create_enum:${e.id}`,
      description: `Create enum ${q(e.name)} (${quoteValues(e.values)})`,
      statements: [
        { kind: 'create_enum', ...enumAt(p, e.id), name: e.name, values: [...e.values] },
        ...(e.comment === undefined
          ? []
          : [{ kind: 'comment_on_type' as const, ...enumAt(p, e.id), type: e.name, comment: e.comment }]),
      ],
    });
  }
  for (const { from, to } of p.ctx.enums) {
    const change = p.analysis.enumChanges.get(to.id);
    const type = to.name;
    if (change?.kind === 'rename') {
      p.out.add({
        id: `rename_enum_value:${to.id}:${change.from}`,
        description: `Rename value '${change.from}' of enum ${q(type)} to '${change.to}'`,
        statements: [
          { kind: 'rename_enum_value', ...enumAt(p, to.id), type, value: change.from, newValue: change.to },
        ],
        hazards: [hazard('BREAKS_CLIENTS', `Clients writing '${change.from}' into enum ${q(type)} fail.`)],
      });
    } else if (change?.kind === 'add') {
      for (const addition of change.additions) {
        const where =
          addition.before !== undefined
            ? ` before '${addition.before}'`
            : addition.after !== undefined
              ? ` after '${addition.after}'`
              : ' at the end';
        p.out.add({
          id: `add_enum_value:${to.id}:${addition.value}`,
          description: `Add value '${addition.value}' to enum ${q(type)}${where}`,
          statements: [{ kind: 'add_enum_value', ...enumAt(p, to.id), type, ...addition }],
        });
      }
    } else if (change?.kind === 'recreate') {
      planReplacement(p, from, to, change.removed);
    }
  }
}

function planReplacement(p: Planner, from: EnumType, to: EnumType, removed: readonly string[]): void {
  const temporary = p.replacements.get(to.id) ?? `${to.name}_new`;
  const checks: DataCheck[] = [];
  if (removed.length > 0) {
    for (const table of p.ctx.tables) {
      for (const pair of table.columns) {
        if (pair.from.type.enumId !== from.id || pair.to.type.enumId !== to.id) continue;
        checks.push({
          kind: 'values',
          ...inSchema(p.schemas.checkTable(table.id)),
          table: table.from.table.name,
          columns: [pair.from.name],
          values: [...removed],
          description: `rows of ${columnLabel(table.from.table.name, pair.from.name)} holding ${quoteValues(removed)}`,
        });
      }
    }
  }
  const what = removed.length > 0 ? `removing ${quoteValues(removed)}` : 'reordering its values';
  p.out.add({
    id: `recreate_enum:${to.id}`,
    description: `Recreate enum ${q(to.name)} as (${quoteValues(to.values)}), ${what}: create the new type as ${q(temporary)}`,
    statements: [{ kind: 'create_enum', ...enumAt(p, to.id), name: temporary, values: [...to.values] }],
    hazards:
      removed.length > 0
        ? [
            hazard('DESTRUCTIVE', `Enum ${q(to.name)} loses ${quoteValues(removed)}.`),
            hazard('DATA_DEPENDENT', `Fails if a row still holds ${quoteValues(removed)}.`),
            hazard('BREAKS_CLIENTS', `Clients writing ${quoteValues(removed)} fail.`),
          ]
        : [],
    dataChecks: checks,
  });
}

/** After the columns moved: each replacement takes its enum's name (and comment). */
export function planEnumSwaps(p: Planner): void {
  for (const { to } of p.ctx.enums) {
    const temporary = p.replacements.get(to.id);
    if (temporary === undefined) continue;
    p.out.add({
      id: `replace_enum:${to.id}`,
      description: `Drop the old enum ${q(to.name)} and give its name to ${q(temporary)}`,
      statements: [
        { kind: 'drop_enum', ...enumAt(p, to.id), name: to.name },
        { kind: 'rename_enum', ...enumAt(p, to.id), name: temporary, newName: to.name },
        ...(to.comment === undefined
          ? []
          : [{ kind: 'comment_on_type' as const, ...enumAt(p, to.id), type: to.name, comment: to.comment }]),
      ],
    });
  }
}

export function planEnumDrops(p: Planner): void {
  for (const e of p.ctx.droppedEnums) {
    const name = p.droppedEnumNames.get(e.id) ?? e.name;
    p.out.add({
      id: `drop_enum:${e.id}`,
      description: `Drop enum ${q(e.name)}`,
      statements: [{ kind: 'drop_enum', ...enumAt(p, e.id), name }],
      hazards: [hazard('BREAKS_CLIENTS', `Queries naming type ${q(e.name)} fail.`)],
    });
  }
}
