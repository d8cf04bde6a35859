import { expectAccessible } from './support/accessibility.ts';
import { blogDesign, designsApi } from './support/designs.ts';
import { expect, test } from './support/fixtures.ts';
import { captureScreenshots } from './support/screenshots.ts';

test('the designs list is searched, sorted and paged by the server, and says when nothing matches', async ({
  signedIn: page,
  account,
}) => {
  const api = designsApi(page, account);
  // 22 + 1: more than one page of 20.
  for (let index = 1; index <= 22; index++)
    await api.createDesign({ name: `item-${String(index).padStart(2, '0')}` });
  await api.createDesign({ name: 'other', description: 'not an item' });

  await page.goto('/designs');
  const list = page.getByRole('list', { name: 'Designs' });
  await expect(list.getByRole('listitem')).toHaveCount(20);
  // Newest first by default.
  await expect(list.getByRole('listitem').first()).toContainText('other');
  await expectAccessible(page);
  await captureScreenshots(page, 'designs');

  await page.getByLabel('Sort by').selectOption({ label: 'Name A–Z' });
  await expect(page).toHaveURL(/sort=name/);
  await expect(list.getByRole('link').first()).toHaveText('item-01');
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(list.getByRole('link')).toHaveText(['item-21', 'item-22', 'other']);
  await expect(page.getByRole('button', { name: 'Next page' })).toBeDisabled();
  await page.getByRole('button', { name: 'Previous page' }).click();
  await expect(list.getByRole('link').first()).toHaveText('item-01');

  await page.getByLabel('Search designs').fill('item-2');
  await expect(page).toHaveURL(/q=item-2/);
  await expect(list.getByRole('link')).toHaveText(['item-20', 'item-21', 'item-22']);
  await page.getByLabel('Sort by').selectOption({ label: 'Name Z–A' });
  await expect(list.getByRole('link')).toHaveText(['item-22', 'item-21', 'item-20']);

  // The address holds the view: a reload shows the same.
  await page.reload();
  await expect(page.getByLabel('Search designs')).toHaveValue('item-2');
  await expect(list.getByRole('link')).toHaveText(['item-22', 'item-21', 'item-20']);

  await page.getByLabel('Search designs').fill('no such design');
  await expect(page.getByText('No design matches “no such design”.')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Clear the search' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(20);
});

test('a new account sees an empty list that offers to start a design', async ({ signedIn: page }) => {
  await page.goto('/designs');
  await expect(page.getByText('You have no designs yet.')).toBeVisible();
  await expectAccessible(page);
});

test('a blank design is created by name and opened; a taken or empty name is shown at the field', async ({
  signedIn: page,
  account,
}) => {
  await designsApi(page, account).createDesign({ name: 'taken' });
  await page.goto('/designs');
  await page.getByRole('button', { name: 'New design' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New design' });
  await dialog.getByRole('button', { name: 'Create design' }).click();
  await expect(dialog.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('Name')).toHaveAccessibleDescription('must not be empty');

  await dialog.getByLabel('Name').fill('taken');
  await dialog.getByRole('button', { name: 'Create design' }).click();
  await expect(dialog.getByLabel('Name')).toHaveAccessibleDescription('Choose another name.');
  await expectAccessible(page);

  await dialog.getByLabel('Name').fill('fresh');
  await dialog.getByLabel('Description (optional)').fill('A new start');
  await dialog.getByRole('button', { name: 'Create design' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'fresh' })).toBeVisible();
  await expect(page).toHaveURL(/\/designs\/[0-9a-f-]{36}$/);
  await expect(page.getByText('This design has no tables yet.')).toBeVisible();
});

test('deleting a design asks first; without a database there is nothing more to choose', async ({
  signedIn: page,
  account,
}) => {
  await designsApi(page, account).createDesign({ name: 'doomed' });
  await designsApi(page, account).createDesign({ name: 'kept' });
  await page.goto('/designs');
  await page.getByRole('button', { name: 'Delete doomed' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete doomed?' });
  await expect(dialog.getByText('It has no database.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('link', { name: 'doomed' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete doomed' }).click();
  await dialog.getByRole('button', { name: 'Delete design' }).click();
  await expect(page.getByRole('link', { name: 'doomed' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'kept' })).toBeVisible();
});

test('deleting a design keeps its database detached, or drops it when asked', async ({
  signedIn: page,
  account,
}) => {
  const api = designsApi(page, account);
  const keeps = await api.createDesign(blogDesign('keeps-database'));
  const drops = await api.createDesign(blogDesign('drops-database'));
  await api.provision(keeps.id);
  await api.provision(drops.id);
  expect((await api.settledDatabase(keeps.id)).status).toBe('ready');
  expect((await api.settledDatabase(drops.id)).status).toBe('ready');

  await page.goto('/designs');
  await page.getByRole('button', { name: 'Delete keeps-database' }).click();
  let dialog = page.getByRole('alertdialog', { name: 'Delete keeps-database?' });
  await expect(dialog.getByLabel(/Also drop its database/)).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Delete design' }).click();
  await expect(page.getByRole('link', { name: 'keeps-database' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Delete drops-database' }).click();
  dialog = page.getByRole('alertdialog', { name: 'Delete drops-database?' });
  await dialog.getByLabel(/Also drop its database/).check();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Delete design' }).click();
  await expect(page.getByRole('link', { name: 'drops-database' })).toHaveCount(0);

  await expect
    .poll(async () => {
      const databases = await api.databases();
      return databases.map(({ schemaId, status, detached }) => ({ schemaId, status, detached }));
    })
    .toEqual(
      expect.arrayContaining([
        { schemaId: keeps.id, status: 'ready', detached: true },
        { schemaId: drops.id, status: 'dropped', detached: expect.any(Boolean) },
      ]),
    );
});

test("a design's overview shows its tables, problems, SQL and versions, and renames it", async ({
  signedIn: page,
  account,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const api = designsApi(page, account);
  await api.createDesign({ name: 'taken-name' });
  const design = await api.createDesign(blogDesign('blog'));
  await page.goto(`/designs/${design.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'blog' })).toBeVisible();

  const posts = page.getByRole('table', { name: 'posts' });
  const authorId = posts.getByRole('row', { name: /author_id/ });
  await expect(authorId).toContainText('INT');
  await expect(authorId).toContainText('foreign key → authors.id');
  await expect(authorId).toContainText('not null');
  const email = page.getByRole('table', { name: 'authors' }).getByRole('row', { name: /email/ });
  await expect(email).toContainText('VARCHAR(255)');
  await expect(email).toContainText('unique');
  await expect(page.getByRole('table', { name: 'authors' }).getByRole('row', { name: /^id/ })).toContainText(
    'primary key',
  );
  await expect(page.getByText('Valid, with 1 warning.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Problems' })).toContainText(
    'Warning foreignKeys[0]: The foreign key from "posts" to "authors" has no index on column "author_id"',
  );
  await expect(page.getByRole('list', { name: 'Versions' })).toContainText('Version 1 (current)');

  const sql = page.getByRole('region', { name: 'SQL for PostgreSQL' });
  await expect(sql).toContainText('CREATE TABLE');
  await page.getByLabel('Dialect').selectOption({ label: 'SQLite' });
  await expect(page.getByRole('region', { name: 'SQL for SQLite' })).toContainText('CREATE TABLE');
  // What the export changes is listed beside the SQL, at its path.
  await expect(page.getByRole('region', { name: '1 change in SQLite' })).toContainText(
    'tables[1].columns[0]: SQLite has no form of the default gen_random_uuid() (DEFAULT_DROPPED)',
  );
  await page.getByRole('button', { name: 'Copy SQL' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('CREATE TABLE');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download SQL' }).click();
  expect((await download).suggestedFilename()).toBe('blog.sqlite.sql');
  await expectAccessible(page);
  await captureScreenshots(page, 'design');
  // At a phone's width the tables scroll sideways: still reachable by keyboard.
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole('button', { name: 'Rename' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename design' });
  await dialog.getByLabel('Name').fill('taken-name');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByLabel('Name')).toHaveAccessibleDescription('Choose another name.');
  await dialog.getByLabel('Name').fill('journal');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'journal' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Versions' })).toContainText('Version 2 (current)');

  await page.getByRole('link', { name: 'Database' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Database of journal' })).toBeVisible();
});

test('an address of a design that is not there says so', async ({ signedIn: page }) => {
  await page.goto('/designs/00000000-0000-4000-8000-000000000000');
  await expect(page.getByRole('alert')).toContainText(/not found|no schema|does not exist/i);
  await expect(page.getByRole('link', { name: 'Back to your designs' })).toBeVisible();
  await expectAccessible(page);
});
