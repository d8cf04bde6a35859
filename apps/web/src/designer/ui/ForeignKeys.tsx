import type { ForeignKeyDocument, TableDocument } from '@schema-builder/schema-model/design';
import { REFERENTIAL_ACTIONS } from '@schema-builder/schema-model/design';
import { Trash2 } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../components/Button.tsx';
import type { Design, Edit } from '../state/edits.ts';
import { newId } from '../state/ids.ts';
import { SmallSelect } from './fields.tsx';

interface ForeignKeysProps {
  design: Design;
  table: TableDocument;
  apply: (edit: Edit) => void;
}

const columnName = (table: TableDocument | undefined, id: string | null | undefined) =>
  table?.columns.find((column) => column.id === id)?.name ?? id ?? '?';

/** The foreign keys leaving a table, their actions, and a form to add one (the keyboard's way). */
export function ForeignKeys({ design, table, apply }: ForeignKeysProps) {
  const keys = (design.foreignKeys ?? []).filter((key) => key.sourceTableId === table.id);
  const tableById = new Map(design.tables.map((candidate) => [candidate.id, candidate]));
  return (
    <section aria-label={`Foreign keys of ${table.name}`} className="flex flex-col gap-2">
      <h4 className="text-xs font-semibold uppercase text-slate-600 dark:text-slate-400">Foreign keys</h4>
      {keys.length > 0 && (
        <ul className="flex flex-col gap-1">
          {keys.map((key) => {
            const target = tableById.get(key.targetTableId);
            const label = `${table.name}.${columnName(table, key.sourceColumnId)} → ${target?.name ?? '?'}.${columnName(target, key.targetColumnId)}`;
            return (
              <li key={key.id} className="flex flex-wrap items-end gap-2 text-sm">
                <span className="min-w-0 flex-1 truncate">{label}</span>
                <ActionSelect
                  label={`On delete of ${label}`}
                  value={key.onDelete}
                  onChange={(onDelete) =>
                    apply({ kind: 'updateForeignKey', foreignKeyId: key.id, patch: { onDelete } })
                  }
                />
                <ActionSelect
                  label={`On update of ${label}`}
                  value={key.onUpdate}
                  onChange={(onUpdate) =>
                    apply({ kind: 'updateForeignKey', foreignKeyId: key.id, patch: { onUpdate } })
                  }
                />
                <Button
                  variant="ghost"
                  aria-label={`Delete foreign key ${label}`}
                  onClick={() => apply({ kind: 'deleteForeignKey', foreignKeyId: key.id })}
                >
                  <Trash2 aria-hidden className="size-4" />
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <AddForeignKey design={design} table={table} apply={apply} />
    </section>
  );
}

function ActionSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | null | undefined;
  onChange: (value: ForeignKeyDocument['onDelete']) => void;
}) {
  return (
    <SmallSelect
      label={label.startsWith('On delete') ? 'On delete' : 'On update'}
      aria-label={label}
      value={(value ?? 'NO ACTION').toUpperCase()}
      onChange={(event) => onChange(event.target.value)}
    >
      {REFERENTIAL_ACTIONS.map((action) => (
        <option key={action} value={action}>
          {action}
        </option>
      ))}
    </SmallSelect>
  );
}

function AddForeignKey({ design, table, apply }: ForeignKeysProps) {
  const [sourceColumnId, setSource] = useState('');
  const [targetTableId, setTargetTable] = useState('');
  const [targetColumnId, setTargetColumn] = useState('');
  const target = design.tables.find((candidate) => candidate.id === targetTableId);
  const ready = sourceColumnId !== '' && targetTableId !== '' && targetColumnId !== '';
  return (
    <div className="flex flex-wrap items-end gap-2">
      <SmallSelect
        label="From column"
        value={sourceColumnId}
        onChange={(event) => setSource(event.target.value)}
      >
        <option value="">(choose)</option>
        {table.columns.map((column) => (
          <option key={column.id} value={column.id}>
            {column.name}
          </option>
        ))}
      </SmallSelect>
      <SmallSelect
        label="To table"
        value={targetTableId}
        onChange={(event) => {
          setTargetTable(event.target.value);
          const chosen = design.tables.find((candidate) => candidate.id === event.target.value);
          setTargetColumn(chosen?.columns.find((column) => column.primaryKey)?.id ?? '');
        }}
      >
        <option value="">(choose)</option>
        {design.tables.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.name}
          </option>
        ))}
      </SmallSelect>
      <SmallSelect
        label="To column"
        value={targetColumnId}
        onChange={(event) => setTargetColumn(event.target.value)}
      >
        <option value="">(choose)</option>
        {(target?.columns ?? []).map((column) => (
          <option key={column.id} value={column.id}>
            {column.name}
          </option>
        ))}
      </SmallSelect>
      <Button
        disabled={!ready}
        onClick={() => {
          apply({
            kind: 'addForeignKey',
            foreignKey: {
              id: newId('fk'),
              sourceTableId: table.id,
              sourceColumnId,
              targetTableId,
              targetColumnId,
            },
          });
          setSource('');
          setTargetTable('');
          setTargetColumn('');
        }}
      >
        Add foreign key
      </Button>
    </div>
  );
}
