import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { DetailsPanel } from './DetailsPanel.tsx';
import type { TreeRow } from './tree-model.ts';

const row = (overrides: Partial<TreeRow>): TreeRow => ({
  key: '/shop/orders/customer_id',
  names: ['shop', 'orders', 'customer_id'],
  kind: 'column',
  label: 'customer_id',
  level: 4,
  setSize: 1,
  posInSet: 1,
  parentKey: '/shop/orders',
  expandable: false,
  expanded: false,
  busy: false,
  node: undefined,
  ...overrides,
});

const at = '2026-01-01T00:00:00.000Z';

/** The definition beside a term of the panel's description list. */
const definitionOf = (term: string) =>
  screen.getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;

test("a column's keys, reference and nullability are written out in words", () => {
  render(
    <DetailsPanel
      childCount={undefined}
      onImportDatabase={() => {}}
      row={row({
        node: {
          name: 'customer_id',
          kind: 'column',
          firstSeenAt: at,
          changedAt: at,
          details: {
            type: 'integer',
            nullable: false,
            default: null,
            autoIncrement: false,
            primaryKey: false,
            unique: true,
            foreignKey: { table: 'customers', columns: ['id'], onDelete: 'CASCADE', onUpdate: 'NO ACTION' },
            indexes: ['orders_customer_idx'],
            comment: null,
          },
        },
      })}
    />,
  );
  expect(screen.getByRole('heading', { name: 'Column customer_id' })).toBeInTheDocument();
  expect(definitionOf('Type')).toBe('integer');
  expect(definitionOf('Nullable')).toBe('No (NOT NULL)');
  expect(definitionOf('Default')).toBe('None');
  expect(definitionOf('Keys')).toBe('Unique');
  expect(definitionOf('Foreign key')).toBe(
    'References customers(id), on delete CASCADE, on update NO ACTION',
  );
  expect(definitionOf('Indexes')).toBe('orders_customer_idx');
});

test('details a sync did not fill are shown as unknown, not a crash', () => {
  render(
    <DetailsPanel
      childCount={undefined}
      onImportDatabase={() => {}}
      row={row({
        node: { name: 'x', kind: 'column', firstSeenAt: at, changedAt: at, details: { nullable: 'maybe' } },
      })}
    />,
  );
  expect(definitionOf('Type')).toBe('unknown');
  expect(definitionOf('Nullable')).toBe('Yes (NULL allowed)');
});

test('a database offers to import all of it', async () => {
  const onImportDatabase = vi.fn();
  render(
    <DetailsPanel
      childCount={12}
      onImportDatabase={onImportDatabase}
      row={row({
        key: '/shop',
        names: ['shop'],
        kind: 'database',
        label: 'shop',
        level: 2,
        expandable: true,
      })}
    />,
  );
  const panel = screen.getByRole('region', { name: 'Database shop' });
  expect(within(panel).getByText('12')).toBeInTheDocument();
  await userEvent.click(within(panel).getByRole('button', { name: 'Import whole database as a design' }));
  expect(onImportDatabase).toHaveBeenCalledWith('shop');
});
