import type { DesignDocument } from '../design/document.ts';

/**
 * A design over two schemas besides the default: `sales.orders` and `public.orders` share a
 * name, `sales.orders` references `person.people` (a foreign key across schemas) and uses an
 * enum of its own schema, and `person.people` has an index and a comment.
 */
export function twoSchemaDesign(): DesignDocument {
  return {
    name: 'two schemas',
    schemas: [
      { id: 's1', name: 'sales', comment: 'What is sold' },
      { id: 's2', name: 'person' },
    ],
    enums: [{ id: 'e1', name: 'status', schemaId: 's1', values: ['open', 'paid'] }],
    tables: [
      {
        id: 't1',
        name: 'people',
        schemaId: 's2',
        comment: 'Who buys',
        columns: [
          { id: 'c1', name: 'id', dataType: 'INT', primaryKey: true, autoIncrement: true },
          { id: 'c2', name: 'email', dataType: 'VARCHAR', length: 200, nullable: false, unique: true },
        ],
        indexes: [{ name: 'people_email_idx', columns: ['email'] }],
      },
      {
        id: 't2',
        name: 'orders',
        schemaId: 's1',
        columns: [
          { id: 'c3', name: 'id', dataType: 'INT', primaryKey: true, autoIncrement: true },
          { id: 'c4', name: 'person_id', dataType: 'INT', nullable: false, comment: 'The buyer' },
          { id: 'c5', name: 'status', dataType: 'ENUM', enumId: 'e1', nullable: false, defaultValue: 'open' },
        ],
        indexes: [{ name: 'orders_person_idx', columns: ['person_id'] }],
      },
      {
        id: 't3',
        name: 'orders',
        columns: [{ id: 'c6', name: 'id', dataType: 'INT', primaryKey: true }],
      },
    ],
    foreignKeys: [
      {
        id: 'f1',
        sourceTableId: 't2',
        sourceColumnId: 'c4',
        targetTableId: 't1',
        targetColumnId: 'c1',
        onDelete: 'CASCADE',
      },
    ],
  };
}
