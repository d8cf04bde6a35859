import { z } from 'zod';

/**
 * The `details` the sync stores for a column or a table (apps/api live-catalog.ts), read
 * defensively: a field the sync did not fill (an older sync, a MongoDB collection) is absent,
 * never a crash.
 */
const ForeignKeyTarget = z.object({
  table: z.string(),
  columns: z.array(z.string()).catch([]),
  onDelete: z.string().nullish().catch(null),
  onUpdate: z.string().nullish().catch(null),
});

const ColumnDetails = z.object({
  type: z.string().catch('unknown'),
  nullable: z.boolean().catch(true),
  default: z.string().nullish().catch(null),
  autoIncrement: z.boolean().catch(false),
  primaryKey: z.boolean().catch(false),
  unique: z.boolean().catch(false),
  foreignKey: ForeignKeyTarget.nullish().catch(null),
  indexes: z.array(z.string()).catch([]),
  comment: z.string().nullish().catch(null),
});

export type ColumnInfo = z.infer<typeof ColumnDetails>;

export function columnInfoOf(details: Record<string, unknown>): ColumnInfo {
  return ColumnDetails.parse(details);
}

const Named = z.object({ name: z.string().nullish().catch(null), columns: z.array(z.string()).catch([]) });

const TableDetails = z.object({
  comment: z.string().nullish().catch(null),
  primaryKey: Named.nullish().catch(null),
  uniqueConstraints: z.array(Named).catch([]),
  indexes: z.array(Named.extend({ unique: z.boolean().catch(false) })).catch([]),
  foreignKeys: z
    .array(
      z.object({
        name: z.string().nullish().catch(null),
        columns: z.array(z.string()).catch([]),
        refTable: z.string().catch('?'),
        refColumns: z.array(z.string()).catch([]),
      }),
    )
    .catch([]),
  definition: z.string().nullish().catch(null),
});

export type TableInfo = z.infer<typeof TableDetails>;

export function tableInfoOf(details: Record<string, unknown>): TableInfo {
  return TableDetails.parse(details);
}

/** The short markers a column row shows after its type, each a word, never a colour alone. */
export function markersOf(column: ColumnInfo): string[] {
  const markers: string[] = [];
  if (column.primaryKey) markers.push('PK');
  if (column.foreignKey) markers.push('FK');
  if (column.unique) markers.push('unique');
  if (column.indexes.length > 0) markers.push('indexed');
  if (!column.nullable) markers.push('not null');
  return markers;
}
