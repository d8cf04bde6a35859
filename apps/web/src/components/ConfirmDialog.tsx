import { AlertDialog } from 'radix-ui';
import { type ReactNode, useState } from 'react';
import { Button } from './Button.tsx';
import { TextField } from './TextField.tsx';

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  /** The confirming button's text, e.g. "Delete design". */
  confirmLabel: string;
  onConfirm: () => void;
  pending?: boolean;
  /** For irreversible actions: the user types this text before the action is allowed. */
  typedConfirmation?: string;
  /** Extra controls (an option such as "also drop its database"). */
  children?: ReactNode;
}

/** Asks before a destructive action (Radix AlertDialog: focus starts on Cancel). */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  onConfirm,
  pending = false,
  typedConfirmation,
  children,
}: ConfirmDialogProps) {
  const [typed, setTyped] = useState('');
  const allowed = typedConfirmation === undefined || typed === typedConfirmation;
  return (
    <AlertDialog.Root
      open={open}
      onOpenChange={(next) => {
        if (!next) setTyped('');
        onOpenChange(next);
      }}
    >
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 bg-black/40" />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl dark:bg-slate-900">
          <AlertDialog.Title className="mb-2 text-lg font-semibold">{title}</AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className="mb-4 text-sm text-slate-700 dark:text-slate-300">{description}</div>
          </AlertDialog.Description>
          {children}
          {typedConfirmation !== undefined && (
            <TextField
              label={`Type ${typedConfirmation} to confirm`}
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              autoComplete="off"
              className="mb-4"
            />
          )}
          <div className="flex justify-end gap-2">
            <AlertDialog.Cancel asChild>
              <Button>Cancel</Button>
            </AlertDialog.Cancel>
            <Button variant="danger" disabled={!allowed} pending={pending} onClick={onConfirm}>
              {confirmLabel}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
