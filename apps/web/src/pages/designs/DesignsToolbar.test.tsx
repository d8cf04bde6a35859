import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { DesignsToolbar } from './DesignsToolbar.tsx';

test('typing searches once the typing pauses, not at every keystroke', async () => {
  const onSearch = vi.fn();
  render(<DesignsToolbar search="" sort="-updatedAt" onSearch={onSearch} onSort={() => {}} />);
  await userEvent.type(screen.getByLabelText('Search designs'), ' shop ');
  expect(onSearch).not.toHaveBeenCalled();
  await waitFor(() => expect(onSearch).toHaveBeenCalledOnce());
  expect(onSearch).toHaveBeenCalledWith('shop');
});

test('Enter searches at once, and a sort is passed on as chosen', async () => {
  const onSearch = vi.fn();
  const onSort = vi.fn();
  render(<DesignsToolbar search="" sort="-updatedAt" onSearch={onSearch} onSort={onSort} />);
  await userEvent.type(screen.getByLabelText('Search designs'), 'blog{Enter}');
  expect(onSearch).toHaveBeenCalledWith('blog');
  await userEvent.selectOptions(screen.getByLabelText('Sort by'), 'Name Z–A');
  expect(onSort).toHaveBeenCalledWith('-name');
});

test('a search changed from outside (back button, a link) shows in the field', () => {
  const { rerender } = render(
    <DesignsToolbar search="first" sort="name" onSearch={() => {}} onSort={() => {}} />,
  );
  expect(screen.getByLabelText('Search designs')).toHaveValue('first');
  rerender(<DesignsToolbar search="second" sort="name" onSearch={() => {}} onSort={() => {}} />);
  expect(screen.getByLabelText('Search designs')).toHaveValue('second');
});
