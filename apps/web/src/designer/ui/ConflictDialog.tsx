import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';

/**
 * Someone saved another version while this page had unsaved edits: the user chooses. Nothing is
 * overwritten or dropped without that choice (and taking theirs can be undone).
 */
export function ConflictDialog({
  open,
  theirVersion,
  onTakeTheirs,
  onKeepMine,
}: {
  open: boolean;
  theirVersion: number | undefined;
  onTakeTheirs: () => void;
  onKeepMine: () => void;
}) {
  return (
    <Dialog
      open={open}
      onOpenChange={() => {}}
      title="This design was changed elsewhere"
      description={`Version ${theirVersion ?? '?'} was saved while you were editing. Your edits are kept in this browser until you choose.`}
    >
      <div className="flex flex-col gap-3 sm:flex-row sm:justify-end">
        <Button onClick={onTakeTheirs}>Reload their version</Button>
        <Button variant="primary" onClick={onKeepMine}>
          Keep mine as a new version
        </Button>
      </div>
    </Dialog>
  );
}
