import { generateDdl, SQL_DIALECTS, type SqlDialect } from '@schema-builder/schema-model/ddl';
import type { Design as NormalizedDesign } from '@schema-builder/schema-model/design';
import { Copy, Download } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { type ExportWarningItem, ExportWarnings } from '../../components/ExportWarnings.tsx';
import { toast } from '../../components/Toasts.tsx';
import { SmallSelect } from './fields.tsx';

const LABELS: Record<SqlDialect, string> = {
  postgresql: 'PostgreSQL',
  mysql: 'MySQL / MariaDB',
  sqlite: 'SQLite',
};

/**
 * The DDL of the design, generated in the browser by the same pure generator the export
 * endpoint uses. `design` is the normalized design of a valid document, or undefined.
 */
export function SqlPanel({ design, name }: { design: NormalizedDesign | undefined; name: string }) {
  const [dialect, setDialect] = useState<SqlDialect>('postgresql');
  const { sql, warnings } = useMemo((): { sql?: string; warnings: readonly ExportWarningItem[] } => {
    if (!design) return { warnings: [] };
    try {
      return generateDdl(design, { dialect });
    } catch (error) {
      return { sql: `-- ${error instanceof Error ? error.message : String(error)}`, warnings: [] };
    }
  }, [design, dialect]);
  return (
    <div className="flex flex-col gap-2 p-2">
      <div className="flex flex-wrap items-end gap-2">
        <SmallSelect
          label="Dialect"
          value={dialect}
          onChange={(event) => setDialect(event.target.value as SqlDialect)}
        >
          {SQL_DIALECTS.map((each) => (
            <option key={each} value={each}>
              {LABELS[each]}
            </option>
          ))}
        </SmallSelect>
        <Button
          disabled={!sql}
          onClick={async () => {
            if (!sql) return;
            await navigator.clipboard.writeText(sql);
            toast('SQL copied');
          }}
        >
          <Copy aria-hidden className="size-4" />
          Copy SQL
        </Button>
        <Button
          disabled={!sql}
          onClick={() => {
            if (!sql) return;
            const link = document.createElement('a');
            link.href = URL.createObjectURL(new Blob([sql], { type: 'application/sql' }));
            link.download = `${name || 'design'}.${dialect}.sql`;
            link.click();
            URL.revokeObjectURL(link.href);
          }}
        >
          <Download aria-hidden className="size-4" />
          Download SQL
        </Button>
      </div>
      <ExportWarnings warnings={warnings} dialectLabel={LABELS[dialect]} />
      {sql === undefined ? (
        <p className="text-sm">Fix the errors in Problems to see the SQL.</p>
      ) : (
        <textarea
          readOnly
          aria-label={`SQL for ${LABELS[dialect]}`}
          value={sql}
          rows={24}
          spellCheck={false}
          className="w-full rounded bg-slate-100 p-2 font-mono text-xs dark:bg-slate-900"
        />
      )}
    </div>
  );
}
