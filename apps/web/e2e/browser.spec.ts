import type { APIRequestContext, Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility.ts';
import { type Account, expect, test } from './support/fixtures.ts';
import { captureScreenshots } from './support/screenshots.ts';
import type { TargetDatabase } from './support/target-server.ts';

const SHOP = `
  CREATE TABLE customers (id serial PRIMARY KEY, email text NOT NULL UNIQUE, name text);
  CREATE TABLE orders (
    id serial PRIMARY KEY,
    customer_id int NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    total numeric(10, 2) NOT NULL DEFAULT 0,
    note text
  );
  CREATE INDEX orders_customer_idx ON orders (customer_id);
  CREATE TABLE products (id serial PRIMARY KEY, sku text NOT NULL);
`;

/** Saves a connection to the database through the API, as the connections page would. */
async function saveConnection(request: APIRequestContext, account: Account, database: TargetDatabase) {
  const response = await request.post('/api/v1/connections', {
    headers: { authorization: `Bearer ${account.token}` },
    data: {
      name: `shop ${database.name}`,
      type: 'postgresql',
      host: database.host,
      port: database.port,
      database: database.name,
      username: database.user,
      // The embedded server has a password; the machine's (trust) has none.
      password: database.password,
      sslMode: 'disable',
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; name: string };
}

async function syncByApi(request: APIRequestContext, account: Account, id: string) {
  const response = await request.post(`/api/v1/connections/${id}/sync`, {
    headers: { authorization: `Bearer ${account.token}` },
  });
  expect(response.status(), await response.text()).toBe(200);
}

const treeOf = (page: Page) => page.getByRole('tree');
const item = (page: Page, name: string) => treeOf(page).getByRole('treeitem', { name, exact: true });
/** A column row: named by its name, then its type and markers ("email text unique not null"). */
const column = (page: Page, name: string) =>
  treeOf(page).getByRole('treeitem', { name: new RegExp(`^${name}\\s`) });
const details = (page: Page) => page.getByRole('region', { name: /^(Column|Table|Database|Connection) / });

test('a connection never synced is synced from the page, then browsed to a column by keyboard and by mouse', async ({
  signedIn: page,
  account,
  request,
  targetDatabase,
}) => {
  const database = await targetDatabase({ setup: SHOP });
  const connection = await saveConnection(request, account, database);

  await page.goto('/browse');
  await expect(page.getByText('Pick a connection to browse its databases')).toBeVisible();
  await page.getByRole('combobox', { name: 'Connection' }).click();
  await page.getByRole('option', { name: new RegExp(connection.name) }).click();
  await expect(page).toHaveURL(new RegExp(`connection=${connection.id}`));
  await expect(page.getByText('This connection has not been synced yet')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Sync' }).click();
  await expect(page.getByRole('heading', { name: 'First sync' })).toBeVisible();
  // One database: it opens on its tables.
  await expect(item(page, 'customers')).toBeVisible();
  await expect(item(page, database.name)).toHaveAttribute('aria-expanded', 'true');
  await expect(item(page, database.name)).toHaveAttribute('aria-level', '2');
  await expect(item(page, 'orders')).toHaveAttribute('aria-level', '3');
  await expect(item(page, 'orders')).toHaveAttribute('aria-posinset', '2');
  await expect(item(page, 'orders')).toHaveAttribute('aria-setsize', '3');

  // By keyboard: connection → database → customers, open it, into its first column, and down.
  await treeOf(page).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(details(page)).toHaveAccessibleName('Table customers');
  await page.keyboard.press('ArrowRight');
  await expect(item(page, 'customers')).toHaveAttribute('aria-expanded', 'true');
  await expect(column(page, 'email')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(details(page)).toHaveAccessibleName('Column email');
  await expect(details(page)).toContainText('No (NOT NULL)');
  await expect(details(page)).toContainText('Unique');
  await page.keyboard.press('ArrowDown');
  await expect(details(page)).toHaveAccessibleName('Column id');
  await expect(details(page)).toContainText('Primary key');
  // Left goes to the parent, then collapses it.
  await page.keyboard.press('ArrowLeft');
  await expect(details(page)).toHaveAccessibleName('Table customers');
  await page.keyboard.press('ArrowLeft');
  await expect(item(page, 'customers')).toHaveAttribute('aria-expanded', 'false');
  await expect(column(page, 'email')).toHaveCount(0);

  // By mouse: open orders, pick its foreign key column.
  await item(page, 'orders').click();
  await column(page, 'customer_id').click();
  await expect(details(page)).toHaveAccessibleName('Column customer_id');
  await expect(details(page)).toContainText('References customers(id)');
  await expect(details(page)).toContainText('orders_customer_idx');
  await expect(column(page, 'customer_id')).toHaveAccessibleName(
    /^customer_id\s+integer\s+FK\s+indexed\s+not null$/,
  );
  await column(page, 'total').click();
  await expect(details(page)).toContainText('numeric(10,2)');
  await expect(details(page)).toContainText('0');
  await expectAccessible(page);
  await captureScreenshots(page, 'browser');

  // The database changes; Sync says how.
  await database.sql.unsafe(
    `CREATE TABLE invoices (id int PRIMARY KEY);
     ALTER TABLE orders DROP COLUMN note;
     ALTER TABLE orders ALTER COLUMN total SET DEFAULT 1;`,
  );
  await page.getByRole('button', { name: 'Sync' }).click();
  const summary = page.getByRole('region', { name: 'Changes since the last sync' });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('list', { name: 'Added' })).toContainText(`${database.name}.invoices`);
  await expect(summary.getByRole('list', { name: 'Removed' })).toContainText(`${database.name}.orders.note`);
  await expect(summary.getByRole('list', { name: 'Changed' })).toContainText(
    `${database.name}.orders.total (default)`,
  );
  await expect(item(page, 'invoices')).toBeVisible();
  await expect(column(page, 'note')).toHaveCount(0);
  await expectAccessible(page);
});

test('selected tables are imported as a design, landing on it; a taken name is told beside the field', async ({
  signedIn: page,
  account,
  request,
  targetDatabase,
}) => {
  const database = await targetDatabase({ setup: SHOP });
  const connection = await saveConnection(request, account, database);
  await syncByApi(request, account, connection.id);
  const auth = { authorization: `Bearer ${account.token}` };
  const taken = await request.post('/api/v1/schemas', {
    headers: auth,
    data: { name: 'shop taken', tables: [] },
  });
  expect(taken.status(), await taken.text()).toBe(201);

  await page.goto(`/browse?connection=${connection.id}`);
  await expect(item(page, 'customers')).toBeVisible();
  // The database, 3 tables, 9 columns: what the sync before this visit found.
  await expect(page.getByText(/^Last synced .*: 13 added, 0 removed, 0 changed\./)).toBeVisible();
  const importSelected = page.getByRole('button', { name: /^Import selected tables/ });
  await expect(importSelected).toBeDisabled();
  await item(page, 'customers').click();
  await page.keyboard.press('Space');
  await expect(item(page, 'customers')).toHaveAttribute('aria-checked', 'true');
  await item(page, 'orders').click();
  await page.keyboard.press('Space');
  await expect(item(page, 'products')).toHaveAttribute('aria-checked', 'false');
  await importSelected.click();

  const dialog = page.getByRole('dialog', { name: 'Import as a design' });
  await expect(dialog).toContainText('2 tables');
  const name = dialog.getByLabel('Design name');
  await name.fill('shop taken');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(name).toHaveAccessibleDescription('Choose another name.');
  await expectAccessible(page);
  await name.fill('');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(name).toHaveAttribute('aria-invalid', 'true');

  await name.fill('shop orders');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page).toHaveURL(/\/designs\/[0-9a-f-]{36}$/);
  const designId = new URL(page.url()).pathname.split('/').at(-1);
  const design = await request.get(`/api/v1/schemas/${designId}`, { headers: auth });
  expect(design.status()).toBe(200);
  const body = (await design.json()) as { name: string; definition: { tables: { name: string }[] } };
  expect(body.name).toBe('shop orders');
  expect(body.definition.tables.map((table) => table.name).sort()).toEqual(['customers', 'orders']);
});

test('a whole database is imported from its details, landing on the new design', async ({
  signedIn: page,
  account,
  request,
  targetDatabase,
}) => {
  const database = await targetDatabase({ setup: SHOP });
  const connection = await saveConnection(request, account, database);
  await syncByApi(request, account, connection.id);

  await page.goto(`/browse?connection=${connection.id}`);
  await expect(item(page, 'customers')).toBeVisible();
  await treeOf(page).focus();
  await page.keyboard.press('ArrowDown');
  await expect(details(page)).toHaveAccessibleName(`Database ${database.name}`);
  await expect(details(page)).toContainText('3');
  await details(page).getByRole('button', { name: 'Import whole database as a design' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import as a design' });
  await expect(dialog).toContainText(`Every table of ${database.name}`);
  await expect(dialog.getByLabel('Design name')).toHaveValue(`${database.name} (imported)`);
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page).toHaveURL(/\/designs\/[0-9a-f-]{36}$/);
  const designId = new URL(page.url()).pathname.split('/').at(-1);
  const design = await request.get(`/api/v1/schemas/${designId}`, {
    headers: { authorization: `Bearer ${account.token}` },
  });
  const body = (await design.json()) as { definition: { tables: { name: string }[] } };
  expect(body.definition.tables.map((table) => table.name).sort()).toEqual([
    'customers',
    'orders',
    'products',
  ]);
});

test('a paused connection is not synced, and the page says why beside the Sync button', async ({
  signedIn: page,
  account,
  request,
  targetDatabase,
}) => {
  const database = await targetDatabase({ setup: SHOP });
  const connection = await saveConnection(request, account, database);
  const paused = await request.patch(`/api/v1/connections/${connection.id}`, {
    headers: { authorization: `Bearer ${account.token}` },
    data: { active: false },
  });
  expect(paused.status(), await paused.text()).toBe(200);

  await page.goto(`/browse?connection=${connection.id}`);
  await page.getByRole('button', { name: 'Sync' }).click();
  await expect(page.getByRole('alert')).toContainText('Sync failed:');
  await expect(page.getByRole('button', { name: 'Sync' })).toBeEnabled();
  await expectAccessible(page);
});

test('someone with no saved connection is sent to save one', async ({ signedIn: page }) => {
  await page.goto('/browse');
  await expect(page.getByText('No saved connections yet')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to connections' })).toHaveAttribute('href', '/connections');
  await expectAccessible(page);
});

test('a connection id the user does not have is told, with the picker to choose another', async ({
  signedIn: page,
  account,
  request,
  targetDatabase,
}) => {
  const database = await targetDatabase({ setup: SHOP });
  await saveConnection(request, account, database);
  await page.goto('/browse?connection=00000000-0000-4000-8000-000000000000');
  await expect(page.getByRole('alert')).toContainText('You have no connection with the id in this address');
  await expect(page.getByRole('combobox', { name: 'Connection' })).toBeVisible();
  await expectAccessible(page);
});

test('a database of 2,000 tables shows at once, scrolls, and its last table is reachable', async ({
  signedIn: page,
  account,
  request,
  targetDatabase,
}) => {
  test.setTimeout(180_000);
  const database = await targetDatabase({
    prefix: 'sbwide',
    setup: `DO $$ BEGIN FOR i IN 1..2000 LOOP
      EXECUTE format('CREATE TABLE %I (id int PRIMARY KEY, label text)', 't' || lpad(i::text, 4, '0'));
    END LOOP; END $$;`,
  });
  const connection = await saveConnection(request, account, database);
  await syncByApi(request, account, connection.id);

  await page.goto(`/browse?connection=${connection.id}`);
  await expect(item(page, 't0001')).toBeVisible();
  // Every page has arrived: the connection, the database and 2,000 tables.
  await expect(page.getByRole('status').filter({ hasText: 'rows shown' })).toHaveText('2002 rows shown', {
    timeout: 60_000,
  });
  await expect(item(page, 't0001')).toHaveAttribute('aria-setsize', '2000');
  expect(await treeOf(page).getByRole('treeitem').count()).toBeLessThan(100);

  await treeOf(page).focus();
  await page.keyboard.press('End');
  await expect(item(page, 't2000')).toBeVisible();
  await expect(item(page, 't2000')).toHaveAttribute('aria-posinset', '2000');
  await expect(details(page)).toHaveAccessibleName('Table t2000');
  expect(await treeOf(page).getByRole('treeitem').count()).toBeLessThan(100);

  // Typing a name goes to it.
  await page.keyboard.type('t1500');
  await expect(details(page)).toHaveAccessibleName('Table t1500');
  await expect(item(page, 't1500')).toBeVisible();

  await page.keyboard.press('Home');
  await treeOf(page).evaluate((tree) => tree.scrollTo({ top: tree.scrollHeight / 2 }));
  await expect(item(page, 't1000')).toBeVisible();
  await expectAccessible(page);
});
