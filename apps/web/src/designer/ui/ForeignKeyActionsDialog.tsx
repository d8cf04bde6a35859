import { REFERENTIAL_ACTIONS } from '@schema-builder/schema-model/design';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import type { Design, Edit } from '../state/edits.ts';
import { SmallSelect } from './fields.tsx';

/** After a foreign key is drawn on the canvas: what happens to the rows when the referenced row goes or changes. */
export function ForeignKeyActionsDialog({
  design,
  foreignKeyId,
  apply,
  onClose,
}: {
  design: Design;
  foreignKeyId: string | undefined;
  apply: (edit: Edit) => void;
  onClose: () => void;
}) {
  const key = design.foreignKeys?.find((each) => each.id === foreignKeyId);
  const tables = new Map(design.tables.map((table) => [table.id, table]));
  const source = key && tables.get(key.sourceTableId);
  const target = key && tables.get(key.targetTableId);
  const name = (table: typeof source, id: string | null | undefined) =>
    table?.columns.find((column) => column.id === id)?.name ?? '?';
  return (
    <Dialog
      open={key !== undefined}
      onOpenChange={(open) => !open && onClose()}
      title="New foreign key"
      description={
        key
          ? `${source?.name}.${name(source, key.sourceColumnId)} references ${target?.name}.${name(target, key.targetColumnId)}.`
          : undefined
      }
    >
      {key && (
        <div className="flex flex-col gap-3">
          {(['onDelete', 'onUpdate'] as const).map((field) => (
            <SmallSelect
              key={field}
              label={field === 'onDelete' ? 'On delete' : 'On update'}
              value={(key[field] ?? 'NO ACTION').toUpperCase()}
              onChange={(event) =>
                apply({
                  kind: 'updateForeignKey',
                  foreignKeyId: key.id,
                  patch: { [field]: event.target.value },
                })
              }
            >
              {REFERENTIAL_ACTIONS.map((action) => (
                <option key={action} value={action}>
                  {action}
                </option>
              ))}
            </SmallSelect>
          ))}
          <div className="flex justify-end">
            <Button variant="primary" onClick={onClose}>
              Done
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
