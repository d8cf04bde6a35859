import type {
  ColumnDocument,
  DesignDocument,
  ForeignKeyDocument,
  TableDocument,
} from '@schema-builder/schema-model/design';

/**
 * The provisioning bench's reference design: 20 tables in a chain, each with an identity `id`,
 * varchar, int, numeric and timestamptz columns, and (from the second on) a `parent_id`
 * referencing the previous table, with an index on it. 19 foreign keys, 19 indexes.
 * `tableCount` varies it (the burst uses designs of different sizes).
 */
export function referenceDesign(name: string, tableCount = 20): DesignDocument {
  const tableName = (i: number) => `item_${String(i + 1).padStart(2, '0')}`;
  const tables: TableDocument[] = [];
  const foreignKeys: ForeignKeyDocument[] = [];
  for (let i = 0; i < tableCount; i++) {
    const table = tableName(i);
    const column = (
      columnName: string,
      rest: Omit<ColumnDocument, 'id' | 'name'> & { dataType: string },
    ): ColumnDocument => ({
      id: `${table}.${columnName}`,
      name: columnName,
      ...rest,
    });
    const columns = [
      column('id', { dataType: 'BIGINT', nullable: false, primaryKey: true, autoIncrement: true }),
      column('name', { dataType: 'VARCHAR', length: 200, nullable: false }),
      column('code', { dataType: 'VARCHAR', length: 32, nullable: true, unique: true }),
      column('quantity', { dataType: 'INTEGER', nullable: false, defaultValue: 0 }),
      column('amount', {
        dataType: 'NUMERIC',
        precision: 12,
        scale: 2,
        nullable: false,
        defaultValue: '0.00',
      }),
      column('created_at', { dataType: 'TIMESTAMPTZ', nullable: false, defaultValue: 'now()' }),
      column('updated_at', { dataType: 'TIMESTAMPTZ', nullable: true }),
    ];
    const indexes = [];
    if (i > 0) {
      const parent = tableName(i - 1);
      columns.push(column('parent_id', { dataType: 'BIGINT', nullable: true }));
      indexes.push({ name: `${table}_parent_id_idx`, columns: ['parent_id'], unique: false });
      foreignKeys.push({
        id: `${table}.fk_parent`,
        sourceTableId: table,
        sourceColumnId: `${table}.parent_id`,
        targetTableId: parent,
        targetColumnId: `${parent}.id`,
        onDelete: 'CASCADE',
        onUpdate: 'NO ACTION',
      });
    }
    tables.push({
      id: table,
      name: table,
      columns,
      indexes,
      position: { x: (i % 5) * 320, y: Math.floor(i / 5) * 300 },
    });
  }
  return { name, description: `${tableCount}-table reference design`, version: '1.0', tables, foreignKeys };
}
