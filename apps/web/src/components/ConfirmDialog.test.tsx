import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { ConfirmDialog } from './ConfirmDialog.tsx';

test('an action behind a typed confirmation is allowed only once the exact text is typed', async () => {
  const onConfirm = vi.fn();
  render(
    <ConfirmDialog
      open
      onOpenChange={() => {}}
      title="Regenerate the database?"
      description="Every row is lost."
      confirmLabel="Regenerate"
      typedConfirmation="shop"
      onConfirm={onConfirm}
    />,
  );
  const confirm = screen.getByRole('button', { name: 'Regenerate' });
  expect(confirm).toBeDisabled();
  await userEvent.type(screen.getByLabelText('Type shop to confirm'), 'sho');
  expect(confirm).toBeDisabled();
  await userEvent.type(screen.getByLabelText('Type shop to confirm'), 'p');
  expect(confirm).toBeEnabled();
  await userEvent.click(confirm);
  expect(onConfirm).toHaveBeenCalledOnce();
});
