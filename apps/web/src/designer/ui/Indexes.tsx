import type { IndexDocument, TableDocument } from '@schema-builder/schema-model/design';
import { Trash2 } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../components/Button.tsx';
import type { Design, Edit } from '../state/edits.ts';
import { freeName, newId } from '../state/ids.ts';
import { SmallCheckbox, SmallInput } from './fields.tsx';

/** A table's indexes (multi-column, unique) and a form to add one. */
export function Indexes({
  design,
  table,
  apply,
}: {
  design: Design;
  table: TableDocument;
  apply: (edit: Edit, mergeKey?: string) => void;
}) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [unique, setUnique] = useState(false);
  const indexes = table.indexes ?? [];
  return (
    <section aria-label={`Indexes of ${table.name}`} className="flex flex-col gap-2">
      <h4 className="text-xs font-semibold uppercase text-slate-600 dark:text-slate-400">Indexes</h4>
      {indexes.length > 0 && (
        <ul className="flex flex-col gap-1">
          {indexes.map((index, position) => {
            const indexId = index.id ?? `#${position}`;
            return (
              <li key={indexId} className="flex flex-wrap items-end gap-2 text-sm">
                <SmallInput
                  label="Index name"
                  value={index.name}
                  onChange={(event) =>
                    index.id &&
                    apply(
                      {
                        kind: 'updateIndex',
                        tableId: table.id,
                        indexId: index.id,
                        patch: { name: event.target.value },
                      },
                      `${index.id}:name`,
                    )
                  }
                />
                <span className="pb-1">{indexSummary(index)}</span>
                <Button
                  variant="ghost"
                  aria-label={`Delete index ${index.name}`}
                  disabled={!index.id}
                  onClick={() =>
                    index.id && apply({ kind: 'deleteIndex', tableId: table.id, indexId: index.id })
                  }
                >
                  <Trash2 aria-hidden className="size-4" />
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <fieldset className="flex flex-wrap items-center gap-3">
        <legend className="text-xs">New index on</legend>
        {table.columns.map((column) => (
          <SmallCheckbox
            key={column.id}
            label={column.name}
            checked={chosen.includes(column.name)}
            onChange={(checked) =>
              setChosen((current) =>
                checked ? [...current, column.name] : current.filter((name) => name !== column.name),
              )
            }
          />
        ))}
        <SmallCheckbox label="Unique index" checked={unique} onChange={setUnique} />
        <Button
          disabled={chosen.length === 0}
          onClick={() => {
            // Index names are unique in the whole schema, not only in the table.
            const taken = design.tables.flatMap((each) => (each.indexes ?? []).map((index) => index.name));
            const name = freeName(`${table.name}_${chosen.join('_')}_${unique ? 'key' : 'idx'}`, taken);
            apply({
              kind: 'addIndex',
              tableId: table.id,
              index: { id: newId('i'), name, columns: chosen, unique },
            });
            setChosen([]);
            setUnique(false);
          }}
        >
          Add index
        </Button>
      </fieldset>
    </section>
  );
}

/** `(a, lower(b) DESC) unique, gin, where …`: an index's keys as the design gives them, and its extras. */
function indexSummary(index: IndexDocument): string {
  const keys =
    index.keys && index.keys.length > 0
      ? index.keys.map((key) =>
          [
            key.column ?? key.expression ?? '',
            key.order === 'DESC' ? 'DESC' : '',
            key.nulls ? `NULLS ${key.nulls}` : '',
          ]
            .filter((part) => part !== '')
            .join(' '),
        )
      : index.columns;
  const extras = [
    index.unique ? 'unique' : '',
    index.method && index.method !== 'btree' ? index.method : '',
    index.where ? `where ${index.where}` : '',
  ].filter((extra) => extra !== '');
  return `(${keys.join(', ')})${extras.length > 0 ? ` ${extras.join(', ')}` : ''}`;
}
