import { SQL_DIALECTS, type SqlDialect } from '@schema-builder/schema-model/ddl';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Copy, Download } from 'lucide-react';
import { useId, useState } from 'react';
import { trpc } from '../../api/trpc.ts';
import { Button } from '../../components/Button.tsx';
import { ExportWarnings } from '../../components/ExportWarnings.tsx';
import { ErrorState, LoadingState } from '../../components/States.tsx';
import { toast } from '../../components/Toasts.tsx';

const DIALECT_LABELS: Record<SqlDialect, string> = {
  postgresql: 'PostgreSQL',
  mysql: 'MySQL / MariaDB',
  sqlite: 'SQLite',
};

/** The design's DDL in the dialect the user picks, to copy or download. */
export function SqlSection({ designId, designName }: { designId: string; designName: string }) {
  const selectId = useId();
  const [dialect, setDialect] = useState<SqlDialect>('postgresql');
  const sql = useQuery({
    ...trpc.schemas.exportSql.queryOptions({ id: designId, dialect }),
    placeholderData: keepPreviousData,
  });

  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      toast('SQL copied');
    } catch {
      toast('The browser did not allow copying', { tone: 'error' });
    }
  }

  function download(text: string) {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/sql' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${designName}.${dialect}.sql`;
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <section aria-labelledby="sql-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="sql-heading" className="text-lg font-semibold">
          SQL
        </h2>
        <div className="flex flex-wrap items-end gap-2">
          <div className="flex flex-col gap-1">
            <label htmlFor={selectId} className="text-sm font-medium">
              Dialect
            </label>
            <select
              id={selectId}
              value={dialect}
              onChange={(event) => {
                const chosen = SQL_DIALECTS.find((value) => value === event.target.value);
                if (chosen) setDialect(chosen);
              }}
              className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900"
            >
              {SQL_DIALECTS.map((value) => (
                <option key={value} value={value}>
                  {DIALECT_LABELS[value]}
                </option>
              ))}
            </select>
          </div>
          <Button disabled={!sql.data} onClick={() => sql.data && void copy(sql.data.sql)}>
            <Copy aria-hidden className="size-4" />
            Copy SQL
          </Button>
          <Button disabled={!sql.data} onClick={() => sql.data && download(sql.data.sql)}>
            <Download aria-hidden className="size-4" />
            Download SQL
          </Button>
        </div>
      </div>
      {sql.isPending ? (
        <LoadingState label="Writing the SQL…" />
      ) : sql.isError ? (
        <ErrorState error={sql.error} onRetry={() => void sql.refetch()} />
      ) : (
        <>
          <ExportWarnings warnings={sql.data.warnings} dialectLabel={DIALECT_LABELS[sql.data.dialect]} />
          <section
            aria-label={`SQL for ${DIALECT_LABELS[sql.data.dialect]}`}
            aria-busy={sql.isFetching || undefined}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable code must be reachable to scroll by keyboard
            tabIndex={0}
            className="max-h-96 overflow-auto rounded-lg bg-slate-100 p-3 dark:bg-slate-900"
          >
            <pre className="font-mono text-xs">{sql.data.sql || '-- No tables yet: nothing to create.'}</pre>
          </section>
        </>
      )}
    </section>
  );
}
