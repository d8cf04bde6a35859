import type { DesignDocument } from '@schema-builder/schema-model/design';
import { Asterisk, Fingerprint, KeyRound, Link2 } from 'lucide-react';
import type { ReactNode } from 'react';
import { EmptyState } from '../../components/States.tsx';
import { type ColumnFacts, columnFactsOf } from './design-columns.ts';

/** Every table of the design with its columns: type, keys and rules, each written as text. */
export function TablesSection({ design }: { design: DesignDocument }) {
  const facts = columnFactsOf(design);
  return (
    <section aria-labelledby="tables-heading" className="flex flex-col gap-4">
      <h2 id="tables-heading" className="text-lg font-semibold">
        Tables ({design.tables.length})
      </h2>
      {design.tables.length === 0 && (
        <EmptyState title="This design has no tables yet.">
          <p className="text-sm text-slate-600 dark:text-slate-300">
            The visual designer adds them; an imported database brings its own.
          </p>
        </EmptyState>
      )}
      {design.tables.map((table) => (
        <section
          key={table.id}
          aria-label={`Table ${table.name}`}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: on a narrow screen the table scrolls sideways, by keyboard too
          tabIndex={0}
          className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800"
        >
          <table className="w-full text-left text-sm">
            <caption className="bg-slate-50 px-3 py-2 text-left font-semibold dark:bg-slate-900">
              {table.name}
              {table.comment && (
                <span className="ml-2 font-normal text-slate-600 dark:text-slate-300">— {table.comment}</span>
              )}
            </caption>
            <thead className="text-xs text-slate-600 uppercase dark:text-slate-300">
              <tr>
                <th scope="col" className="px-3 py-1.5">
                  Column
                </th>
                <th scope="col" className="px-3 py-1.5">
                  Type
                </th>
                <th scope="col" className="px-3 py-1.5">
                  Keys and rules
                </th>
                <th scope="col" className="px-3 py-1.5">
                  Default
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {table.columns.map((column) => {
                const columnFacts = facts.get(`${table.id}:${column.id}`);
                return (
                  <tr key={column.id}>
                    <th scope="row" className="px-3 py-1.5 font-mono font-normal">
                      {column.name}
                    </th>
                    <td className="px-3 py-1.5 font-mono">{columnFacts?.type}</td>
                    <td className="px-3 py-1.5">{columnFacts && <Markers facts={columnFacts} />}</td>
                    <td className="px-3 py-1.5 font-mono">{columnFacts?.defaultValue ?? ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ))}
    </section>
  );
}

function Markers({ facts }: { facts: ColumnFacts }) {
  return (
    <ul className="flex flex-wrap gap-1.5">
      {facts.primaryKey && <Marker icon={<KeyRound aria-hidden className="size-3.5" />}>primary key</Marker>}
      {facts.references.map((target) => (
        <Marker key={target} icon={<Link2 aria-hidden className="size-3.5" />}>
          foreign key → {target}
        </Marker>
      ))}
      {facts.unique && <Marker icon={<Fingerprint aria-hidden className="size-3.5" />}>unique</Marker>}
      {facts.notNull && <Marker icon={<Asterisk aria-hidden className="size-3.5" />}>not null</Marker>}
    </ul>
  );
}

function Marker({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <li className="inline-flex items-center gap-1 rounded border border-slate-300 px-1.5 py-0.5 text-xs dark:border-slate-600">
      {icon}
      {children}
    </li>
  );
}
