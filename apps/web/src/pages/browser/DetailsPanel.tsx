import { Import } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button } from '../../components/Button.tsx';
import { columnInfoOf, tableInfoOf } from './catalog-details.ts';
import type { TreeRow } from './tree-model.ts';

export interface DetailsPanelProps {
  row: TreeRow | undefined;
  /** How many children of the row have loaded (tables of a database, columns of a table). */
  childCount: number | undefined;
  onImportDatabase: (database: string) => void;
}

/** What the active row of the tree is: a column's type, nullability, default and keys, in words. */
export function DetailsPanel({ row, childCount, onImportDatabase }: DetailsPanelProps) {
  return (
    <section
      aria-labelledby="details-heading"
      className="rounded-lg border border-slate-200 p-4 dark:border-slate-700"
    >
      <h2 id="details-heading" className="mb-3 text-lg font-semibold break-all">
        {row ? `${KIND_LABELS[row.kind]} ${row.label}` : 'Details'}
      </h2>
      {row ? (
        <Body row={row} childCount={childCount} onImportDatabase={onImportDatabase} />
      ) : (
        <p className="text-sm">Pick a row of the tree to see its details.</p>
      )}
    </section>
  );
}

const KIND_LABELS = {
  connection: 'Connection',
  database: 'Database',
  table: 'Table',
  view: 'View',
  column: 'Column',
} as const;

function Body({ row, childCount, onImportDatabase }: DetailsPanelProps & { row: TreeRow }) {
  const { node } = row;
  switch (row.kind) {
    case 'connection':
      return <p className="text-sm">Expand it to see the databases its last sync found.</p>;
    case 'database':
      return (
        <div className="flex flex-col gap-3 text-sm">
          <Facts>
            <Fact term="Tables and views">{childCount ?? 'Expand to load'}</Fact>
          </Facts>
          <div>
            <Button variant="primary" onClick={() => onImportDatabase(row.label)}>
              <Import aria-hidden className="size-4" />
              Import whole database as a design
            </Button>
          </div>
        </div>
      );
    case 'table':
    case 'view': {
      const table = tableInfoOf(node?.details ?? {});
      return (
        <Facts>
          <Fact term="Database">{row.names[0]}</Fact>
          {row.kind === 'table' && <Fact term="Columns">{childCount ?? 'Expand to load'}</Fact>}
          {row.kind === 'table' && (
            <Fact term="Primary key">{table.primaryKey ? table.primaryKey.columns.join(', ') : 'None'}</Fact>
          )}
          {table.uniqueConstraints.length > 0 && (
            <Fact term="Unique">
              {table.uniqueConstraints.map((key) => `(${key.columns.join(', ')})`).join('; ')}
            </Fact>
          )}
          {table.indexes.length > 0 && (
            <Fact term="Indexes">
              {table.indexes
                .map(
                  (index) =>
                    `${index.name ?? '?'} (${index.columns.join(', ')})${index.unique ? ', unique' : ''}`,
                )
                .join('; ')}
            </Fact>
          )}
          {table.foreignKeys.length > 0 && (
            <Fact term="Foreign keys">
              {table.foreignKeys
                .map((fk) => `(${fk.columns.join(', ')}) → ${fk.refTable}(${fk.refColumns.join(', ')})`)
                .join('; ')}
            </Fact>
          )}
          {table.comment && <Fact term="Comment">{table.comment}</Fact>}
          {table.definition && (
            <Fact term="Definition">
              <code className="break-all">{table.definition}</code>
            </Fact>
          )}
          {node && <Fact term="Last changed">{new Date(node.changedAt).toLocaleString()}</Fact>}
        </Facts>
      );
    }
    case 'column': {
      const column = columnInfoOf(node?.details ?? {});
      const keys = [
        column.primaryKey && 'Primary key',
        column.unique && 'Unique',
        column.autoIncrement && 'Auto-increment',
      ].filter((key): key is string => typeof key === 'string');
      return (
        <Facts>
          <Fact term="Table">{row.names.slice(0, 2).join('.')}</Fact>
          <Fact term="Type">
            <code>{column.type}</code>
          </Fact>
          <Fact term="Nullable">{column.nullable ? 'Yes (NULL allowed)' : 'No (NOT NULL)'}</Fact>
          <Fact term="Default">{column.default ? <code>{column.default}</code> : 'None'}</Fact>
          <Fact term="Keys">{keys.length > 0 ? keys.join(', ') : 'None'}</Fact>
          <Fact term="Foreign key">
            {column.foreignKey
              ? `References ${column.foreignKey.table}(${column.foreignKey.columns.join(', ')})${
                  column.foreignKey.onDelete ? `, on delete ${column.foreignKey.onDelete}` : ''
                }${column.foreignKey.onUpdate ? `, on update ${column.foreignKey.onUpdate}` : ''}`
              : 'None'}
          </Fact>
          <Fact term="Indexes">{column.indexes.length > 0 ? column.indexes.join(', ') : 'None'}</Fact>
          {column.comment && <Fact term="Comment">{column.comment}</Fact>}
          {node && <Fact term="First seen">{new Date(node.firstSeenAt).toLocaleString()}</Fact>}
        </Facts>
      );
    }
  }
}

function Facts({ children }: { children: ReactNode }) {
  return <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">{children}</dl>;
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-medium text-slate-600 dark:text-slate-400">{term}</dt>
      <dd className="break-words">{children}</dd>
    </>
  );
}
