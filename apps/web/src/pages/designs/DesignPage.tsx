import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { Database, Pencil, PenTool, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { trpc } from '../../api/trpc.ts';
import { Button } from '../../components/Button.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/States.tsx';
import { DeleteDesignDialog } from './DeleteDesignDialog.tsx';
import { formatDateTime } from './format.ts';
import { ProblemsSection } from './ProblemsSection.tsx';
import { RenameDesignDialog } from './RenameDesignDialog.tsx';
import { designRoute } from './routes.ts';
import { SqlSection } from './SqlSection.tsx';
import { TablesSection } from './TablesSection.tsx';
import { VersionsSection } from './VersionsSection.tsx';

/**
 * Where a new or imported design lands until the visual designer exists: what it holds, whether it
 * is valid, its SQL, its versions, and the way to its database.
 */
export function DesignPage() {
  const { designId } = designRoute.useParams();
  const navigate = useNavigate();
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const design = useQuery(trpc.schemas.get.queryOptions({ id: designId }));

  if (design.isPending) return <LoadingState label="Loading the design…" />;
  if (design.isError)
    return (
      <>
        <PageHeader title="Design" />
        <ErrorState error={design.error} onRetry={() => void design.refetch()} />
        <p className="mt-4">
          <Link to="/designs" className="text-sky-700 underline dark:text-sky-400">
            Back to your designs
          </Link>
        </p>
      </>
    );

  const { data } = design;
  return (
    <>
      <PageHeader
        title={data.name}
        actions={
          <>
            <Link
              to="/designs/$designId/edit"
              params={{ designId }}
              className="inline-flex items-center gap-2 rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800"
            >
              <PenTool aria-hidden className="size-4" />
              Open designer
            </Link>
            <Link
              to="/designs/$designId/database"
              params={{ designId }}
              className="inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800"
            >
              <Database aria-hidden className="size-4" />
              Database
            </Link>
            <Button onClick={() => setRenaming(true)}>
              <Pencil aria-hidden className="size-4" />
              Rename
            </Button>
            <Button onClick={() => setDeleting(true)}>
              <Trash2 aria-hidden className="size-4" />
              Delete
            </Button>
          </>
        }
      />
      <dl className="-mt-3 mb-6 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600 dark:text-slate-300">
        <div className="flex gap-1">
          <dt>Version</dt>
          <dd className="font-semibold text-slate-900 dark:text-slate-100">{data.version}</dd>
        </div>
        <div className="flex gap-1">
          <dt>Updated</dt>
          <dd>{formatDateTime(data.updatedAt)}</dd>
        </div>
        {data.description && (
          <div className="flex gap-1">
            <dt className="sr-only">Description</dt>
            <dd>{data.description}</dd>
          </div>
        )}
      </dl>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="flex min-w-0 flex-col gap-8">
          <TablesSection design={data.definition} />
          <SqlSection designId={designId} designName={data.name} />
        </div>
        <div className="flex min-w-0 flex-col gap-8">
          <ProblemsSection designId={designId} version={data.version} design={data.definition} />
          <VersionsSection designId={designId} current={data.version} />
        </div>
      </div>
      <RenameDesignDialog design={data} open={renaming} onOpenChange={setRenaming} />
      {deleting && (
        <DeleteDesignDialog
          design={data}
          onClose={() => setDeleting(false)}
          onDeleted={() => void navigate({ to: '/designs' })}
        />
      )}
    </>
  );
}
