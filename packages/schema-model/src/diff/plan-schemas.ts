import { uniqueIdentifier } from '../ddl/naming.ts';
import { DEFAULT_POSTGRES_SCHEMA } from '../ddl/postgres/session-settings.ts';
import type { Design } from '../design/model.ts';
import type { DiffContext } from './context.ts';
import type { Planner } from './planner.ts';
import { q } from './planner.ts';
import { hazard } from './steps.ts';

/**
 * Schemas (namespaces) in a migration. First, new schemas are created and kept ones renamed
 * (same id, new name: `ALTER SCHEMA … RENAME TO`); after the drops, tables and enums whose
 * `schemaId` changed move (`SET SCHEMA`, their indexes, constraints and sequences with them);
 * last, schemas no longer in the design are dropped, never CASCADE: by then the planner has
 * dropped or moved out every table and enum of the design in them, and PostgreSQL refuses the
 * drop if anything else is left there.
 */

/** Where objects are at each point of a plan, as `schema` for a statement (undefined: the default schema). */
export interface SchemaResolver {
  /** A table's schema after the moves: its new schema; a dropped table's old one. */
  table(tableId: string): string | undefined;
  /** A table's schema before the moves (the drops stage). */
  oldTable(tableId: string): string | undefined;
  /** An enum's schema after the moves (a dropped enum's old one). */
  enumType(enumId: string): string | undefined;
  /** A table's schema as the database names it before the migration (for data checks). */
  checkTable(tableId: string): string | undefined;
  /** A schema's name while the plan runs (new once renamed); undefined for the default schema. */
  live(schemaId: string | undefined): string | undefined;
  /** Records that a schema dropped at the end was first moved aside to `name`. */
  movedAside(schemaId: string, name: string): void;
}

const byId = (design: Design) => new Map((design.schemas ?? []).map((s) => [s.id, s]));

export function schemaResolver(ctx: DiffContext): SchemaResolver {
  const from = byId(ctx.from.design);
  const to = byId(ctx.to.design);
  const aside = new Map<string, string>();
  // Renamed first, dropped last: while the plan runs a kept schema has its new name, a dropped one
  // its old name (or the one it was moved aside to, freeing its name for another schema).
  const live = (schemaId: string | undefined) =>
    schemaId === undefined
      ? undefined
      : (to.get(schemaId)?.name ?? aside.get(schemaId) ?? from.get(schemaId)?.name ?? schemaId);
  const old = (schemaId: string | undefined) =>
    schemaId === undefined ? undefined : (from.get(schemaId)?.name ?? schemaId);
  const tablesTo = new Map(ctx.to.design.tables.map((t) => [t.id, t]));
  const tablesFrom = new Map(ctx.from.design.tables.map((t) => [t.id, t]));
  const enumsTo = new Map(ctx.to.design.enums.map((e) => [e.id, e]));
  const enumsFrom = new Map(ctx.from.design.enums.map((e) => [e.id, e]));
  return {
    table: (id) => live((tablesTo.get(id) ?? tablesFrom.get(id))?.schemaId),
    oldTable: (id) => live((tablesFrom.get(id) ?? tablesTo.get(id))?.schemaId),
    enumType: (id) => live((enumsTo.get(id) ?? enumsFrom.get(id))?.schemaId),
    checkTable: (id) => old((tablesFrom.get(id) ?? tablesTo.get(id))?.schemaId),
    live,
    movedAside: (id, name) => aside.set(id, name),
  };
}

/**
 * Before everything: create the new schemas, rename the kept ones whose name changed. A schema
 * holding a name another one takes (two swapping names, a new or renamed schema taking the name
 * of one dropped at the end) first moves to a temporary name, as tables do.
 */
export function planSchemaChanges(p: Planner): void {
  const from = byId(p.ctx.from.design);
  const to = byId(p.ctx.to.design);
  const wanted = new Set((p.ctx.to.design.schemas ?? []).map((s) => s.name));
  const taken = new Set([...wanted, ...(p.ctx.from.design.schemas ?? []).map((s) => s.name)]);
  const current = new Map([...from.values()].map((s) => [s.id, s.name]));
  for (const schema of p.ctx.from.design.schemas ?? []) {
    const target = to.get(schema.id)?.name;
    if (target === schema.name || !wanted.has(schema.name)) continue;
    const temporary = uniqueIdentifier(`${schema.name}_old`, (n) => taken.has(n));
    taken.add(temporary);
    current.set(schema.id, temporary);
    if (target === undefined) p.schemas.movedAside(schema.id, temporary);
    p.out.add({
      id: `rename_schema:${schema.id}:temporary`,
      description: `Move schema ${q(schema.name)} to the temporary name ${q(temporary)}, freeing its name`,
      statements: [{ kind: 'rename_schema', name: schema.name, newName: temporary }],
    });
  }
  for (const schema of p.ctx.to.design.schemas ?? []) {
    const old = from.get(schema.id);
    if (old === undefined) {
      p.out.add({
        id: `create_schema:${schema.id}`,
        description: `Create schema ${q(schema.name)}`,
        statements: [
          { kind: 'create_schema', name: schema.name },
          ...(schema.comment === undefined
            ? []
            : [{ kind: 'comment_on_schema' as const, name: schema.name, comment: schema.comment }]),
        ],
      });
      continue;
    }
    const now = current.get(schema.id) ?? old.name;
    if (now !== schema.name) {
      p.out.add({
        id: `rename_schema:${schema.id}`,
        description: `Rename schema ${q(old.name)} to ${q(schema.name)}`,
        statements: [{ kind: 'rename_schema', name: now, newName: schema.name }],
        hazards: [
          hazard(
            'BREAKS_CLIENTS',
            `Queries naming schema ${q(old.name)} (or a search_path listing it) fail.`,
          ),
        ],
      });
    }
    if ((old.comment ?? null) !== (schema.comment ?? null)) {
      p.out.add({
        id: `comment_on_schema:${schema.id}`,
        description: `Set the comment of schema ${q(schema.name)}`,
        statements: [{ kind: 'comment_on_schema', name: schema.name, comment: schema.comment ?? null }],
      });
    }
  }
}

/** After the drops: tables and enums whose schema changed move to it, under their old names. */
export function planSchemaMoves(p: Planner): void {
  // SET SCHEMA takes a name: the default schema is named by its own name.
  const target = (schemaId: string | undefined) => p.schemas.live(schemaId) ?? DEFAULT_POSTGRES_SCHEMA;
  const inSchema = (schema: string | undefined) => (schema === undefined ? {} : { schema });
  for (const pair of p.ctx.tables) {
    const before = pair.from.table.schemaId;
    const after = pair.to.table.schemaId;
    if (before === after) continue;
    const schema = p.schemas.oldTable(pair.id);
    const name = pair.from.table.name;
    p.out.add({
      id: `move_table:${pair.id}`,
      description: `Move table ${q(name)} to schema ${q(target(after))}`,
      statements: [
        { kind: 'set_schema', object: 'table', ...inSchema(schema), name, newSchema: target(after) },
      ],
      hazards: [hazard('BREAKS_CLIENTS', `Queries naming table ${q(name)} by its old schema fail.`)],
    });
  }
  for (const { from, to } of p.ctx.enums) {
    if (from.schemaId === to.schemaId) continue;
    const schema = p.schemas.live(from.schemaId);
    p.out.add({
      id: `move_enum:${to.id}`,
      description: `Move enum ${q(from.name)} to schema ${q(target(to.schemaId))}`,
      statements: [
        {
          kind: 'set_schema',
          object: 'type',
          ...inSchema(schema),
          name: from.name,
          newSchema: target(to.schemaId),
        },
      ],
      hazards: [hazard('BREAKS_CLIENTS', `Queries naming type ${q(from.name)} by its old schema fail.`)],
    });
  }
}

/** Last: schemas the new version no longer has. */
export function planSchemaDrops(p: Planner): void {
  const to = byId(p.ctx.to.design);
  for (const schema of p.ctx.from.design.schemas ?? []) {
    if (to.has(schema.id)) continue;
    p.out.add({
      id: `drop_schema:${schema.id}`,
      description: `Drop schema ${q(schema.name)}`,
      statements: [{ kind: 'drop_schema', name: p.schemas.live(schema.id) ?? schema.name }],
      hazards: [
        hazard(
          'DESTRUCTIVE',
          `Drops schema ${q(schema.name)}; its tables and enums were dropped (or moved out) by the steps before, and anything else left in it makes the drop fail.`,
        ),
        hazard('BREAKS_CLIENTS', `Queries naming schema ${q(schema.name)} fail.`),
      ],
    });
  }
}
