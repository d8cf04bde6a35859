import { Copy, TriangleAlert } from 'lucide-react';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { TextField } from '../../components/TextField.tsx';
import { toast } from '../../components/Toasts.tsx';

/** The new key, shown this once (only its hash is stored), with a way to copy it. */
export function NewKeyDialog({ apiKey, onClose }: { apiKey: string | undefined; onClose: () => void }) {
  async function copy() {
    if (!apiKey) return;
    try {
      await navigator.clipboard.writeText(apiKey);
      toast('Copied the key');
    } catch {
      toast('Could not copy: select the key and copy it yourself', { tone: 'error' });
    }
  }
  return (
    <Dialog
      open={apiKey !== undefined}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title="Your new API key"
    >
      <div className="flex flex-col gap-4">
        <p className="flex gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          <TriangleAlert aria-hidden className="size-5 shrink-0" />
          Copy it now: this is the only time it is shown. Only a fingerprint of it is stored, so it cannot be
          shown again — if you lose it, revoke it and create another.
        </p>
        <TextField
          label="API key"
          readOnly
          value={apiKey ?? ''}
          className="font-mono"
          onFocus={(event) => event.currentTarget.select()}
        />
        <div className="flex justify-end gap-2">
          <Button onClick={copy}>
            <Copy aria-hidden className="size-4" />
            Copy key
          </Button>
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
