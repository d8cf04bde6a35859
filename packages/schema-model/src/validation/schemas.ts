import type { ValidationContext } from './context.ts';
import { quoted } from './context.ts';
import { checkName } from './names.ts';

/**
 * Names a schema entry cannot take: PostgreSQL's own namespaces, and the default schema, which
 * holds every object without a `schemaId` (an entry of that name would be a second one).
 */
function reservedSchemaReason(name: string): string | undefined {
  if (name.startsWith('pg_')) return 'starts with "pg_", which PostgreSQL keeps for its own schemas';
  if (name === 'information_schema') return "is PostgreSQL's catalog of the SQL standard";
  if (name === 'public')
    return 'is the default schema, where every table and enum without a schemaId already lives';
  return undefined;
}

/**
 * Schemas (namespaces): ids and names unique, names valid and not reserved, and every `schemaId`
 * of a table or enum naming one of them.
 */
export function checkSchemas(ctx: ValidationContext): void {
  const schemas = ctx.doc.schemas ?? [];
  const ids = new Set<string>();
  const names = new Set<string>();
  schemas.forEach((schema, s) => {
    if (ids.has(schema.id))
      ctx.error(
        'DUPLICATE_ID',
        ['schemas', s, 'id'],
        `Schema ${quoted(schema.name)} has the same id ${quoted(schema.id)} as another schema. Every schema needs its own id.`,
      );
    ids.add(schema.id);
    const path = ['schemas', s, 'name'];
    if (!checkName(ctx, schema.name, path, { kind: 'Schema', position: s })) return;
    const reserved = reservedSchemaReason(schema.name);
    if (reserved !== undefined) {
      ctx.error(
        'NAME_RESERVED',
        path,
        `Schema name ${quoted(schema.name)} ${reserved}. Choose another name.`,
      );
      return;
    }
    if (names.has(schema.name))
      ctx.error('DUPLICATE_SCHEMA_NAME', path, `Two schemas are named ${quoted(schema.name)}.`);
    names.add(schema.name);
  });

  const check = (schemaId: string | null | undefined, path: Array<string | number>, what: string) => {
    if (schemaId == null || ids.has(schemaId)) return;
    ctx.error(
      'UNKNOWN_SCHEMA',
      path,
      `${what} names schema id ${quoted(schemaId)}, which is not in the design's schemas. Add it to "schemas" or leave schemaId out for the default schema.`,
    );
  };
  ctx.doc.tables.forEach((table, t) => {
    check(table.schemaId, ['tables', t, 'schemaId'], `Table ${quoted(table.name)}`);
  });
  ctx.enums.forEach((enumType, e) => {
    check(enumType.schemaId, ['enums', e, 'schemaId'], `Enum ${quoted(enumType.name)}`);
  });
}

/**
 * The key under which a name is unique: names are unique per schema, so `sales.orders` and
 * `orders` (in the default schema) may both exist.
 */
export function inSchema(schemaId: string | null | undefined, name: string): string {
  return schemaId == null ? name : `${schemaId}\u0000${name}`;
}

/** ` in schema "sales"` for messages, or '' in the default schema. */
export function schemaSuffix(ctx: ValidationContext, schemaId: string | null | undefined): string {
  if (schemaId == null) return '';
  const schema = (ctx.doc.schemas ?? []).find((s) => s.id === schemaId);
  return ` in schema ${quoted(schema?.name ?? schemaId)}`;
}
