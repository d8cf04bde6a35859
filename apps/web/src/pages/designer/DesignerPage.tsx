import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { trpc } from '../../api/trpc.ts';
import { ErrorState, LoadingState } from '../../components/States.tsx';
import { readDraft } from '../../designer/save/drafts.ts';
import { openEditor } from '../../designer/save/editor.ts';
import { useDesignEditor } from '../../designer/save/use-design-editor.ts';
import { Designer } from '../../designer/ui/Designer.tsx';
import { designerRoute } from './route.ts';

export function DesignerPage() {
  const { designId } = designerRoute.useParams();
  // Read once when the page opens: afterwards the editor owns the document, not the cache.
  const design = useQuery({
    ...trpc.schemas.get.queryOptions({ id: designId }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (design.isPending) return <LoadingState label="Opening the design…" />;
  if (design.isError) return <ErrorState error={design.error} onRetry={() => design.refetch()} />;
  return (
    <OpenDesign
      key={designId}
      designId={designId}
      server={{ design: design.data.definition, version: design.data.version }}
    />
  );
}

function OpenDesign({ designId, server }: { designId: string; server: Parameters<typeof openEditor>[0] }) {
  const initial = useMemo(() => openEditor(server, readDraft(designId)), [designId, server]);
  const editor = useDesignEditor(designId, initial);
  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <h1 className="text-xl font-semibold">Designer</h1>
        <input
          aria-label="Design name"
          value={editor.design.name}
          onChange={(event) =>
            editor.apply({ kind: 'updateDesign', patch: { name: event.target.value } }, 'design:name')
          }
          className="min-w-0 flex-1 rounded border border-transparent bg-transparent px-1 text-xl hover:border-slate-300 dark:hover:border-slate-600"
        />
      </div>
      <Designer designId={designId} editor={editor} />
    </div>
  );
}
