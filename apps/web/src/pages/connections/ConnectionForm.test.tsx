import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { queryClient } from '../../api/trpc.ts';
import { ConnectionForm } from './ConnectionForm.tsx';
import type { Connection } from './connection-form.ts';

const saved: Connection = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'shop',
  description: '',
  type: 'postgresql',
  host: 'db.example.com',
  port: 5432,
  database: 'shop',
  username: 'app',
  hasSecret: true,
  usesConnectionString: true,
  sslMode: 'prefer',
  sslRootCert: null,
  color: '#3b82f6',
  active: true,
  lastTestedAt: null,
  lastTestResult: null,
  lastTestLatencyMs: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

function renderForm(connection?: Connection) {
  const onDone = vi.fn();
  render(
    <QueryClientProvider client={queryClient}>
      <ConnectionForm connection={connection} onDone={onDone} />
    </QueryClientProvider>,
  );
  return { onDone };
}

test("a port out of range is told at the field by the API's own rule, before anything is sent", async () => {
  const fetch = vi.spyOn(globalThis, 'fetch');
  renderForm();
  await userEvent.type(screen.getByLabelText('Name'), 'shop');
  await userEvent.type(screen.getByLabelText('Host'), 'db.example.com');
  await userEvent.type(screen.getByLabelText('Port'), '70000');
  await userEvent.click(screen.getByRole('button', { name: 'Save connection' }));
  expect(await screen.findByLabelText('Port')).toHaveAttribute('aria-invalid', 'true');
  expect(screen.getByLabelText('Port')).toHaveAccessibleDescription(/65535/);
  await userEvent.click(screen.getByRole('button', { name: 'Test' }));
  expect(screen.getByLabelText('Port')).toHaveAttribute('aria-invalid', 'true');
  expect(fetch).not.toHaveBeenCalled();
  fetch.mockRestore();
});

test('a connection saved as a string is edited by a new string only, and never shows the old one', () => {
  renderForm(saved);
  expect(screen.getByRole('tab', { name: 'Connection string' })).toHaveAttribute('aria-selected', 'true');
  expect(screen.getByRole('tab', { name: 'Individual fields' })).toBeDisabled();
  const field = screen.getByRole('textbox', { name: 'Connection string' });
  expect(field).toHaveValue('');
  expect(field).toHaveAccessibleDescription(/never shown/);
  expect(screen.getByRole('group', { name: 'TLS' })).toBeInTheDocument();
});
