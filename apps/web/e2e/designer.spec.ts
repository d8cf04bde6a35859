import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility.ts';
import { type Account, expect, test } from './support/fixtures.ts';
import { captureScreenshots } from './support/screenshots.ts';

async function createDesign(request: APIRequestContext, account: Account, name: string): Promise<string> {
  const response = await request.post('/api/v1/schemas', {
    headers: { authorization: `Bearer ${account.token}` },
    data: { name, tables: [] },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** Where an element is once it has stopped moving (a layout or a view change may be under way). */
async function settledBox(locator: Locator) {
  let previous = await locator.boundingBox();
  await expect
    .poll(async () => {
      const current = await locator.boundingBox();
      const same = JSON.stringify(current) === JSON.stringify(previous);
      previous = current;
      return same && current !== null;
    })
    .toBe(true);
  if (!previous) throw new Error('not on screen');
  return previous;
}

const outlineTable = (page: Page, name: string) =>
  page.getByRole('listitem', { name: `Table ${name}`, exact: true });

async function addTable(page: Page, name: string) {
  await page.getByRole('button', { name: 'Add table' }).click();
  const fresh = page.getByRole('textbox', { name: /^Name of table table/ }).last();
  await fresh.fill(name);
  await expect(outlineTable(page, name)).toBeVisible();
}

async function addColumn(page: Page, table: string, name: string, type: string) {
  await page.getByRole('button', { name: `Add column to ${table}` }).click();
  await page
    .getByRole('textbox', { name: new RegExp(`^Name of column column(_\\d+)? in ${table}$`) })
    .last()
    .fill(name);
  await page.getByRole('button', { name: `Edit column ${name}` }).click();
  const column = page.getByRole('listitem', { name: `Column ${name}` });
  await column.getByRole('combobox', { name: 'Type' }).selectOption(type);
}

test('a design is drawn from scratch in the outline, checked as it is typed, saved and its SQL shown', async ({
  signedIn: page,
  account,
  request,
}) => {
  const id = await createDesign(request, account, `shop-${Date.now()}`);
  await page.goto(`/designs/${id}`);
  await page.getByRole('link', { name: 'Open designer' }).click();
  await expect(page).toHaveURL(new RegExp(`/designs/${id}/edit$`));
  await expect(page.getByRole('heading', { name: 'Designer' })).toBeVisible();

  await addTable(page, 'customers');
  await addColumn(page, 'customers', 'email', 'VARCHAR');
  await page
    .getByRole('listitem', { name: 'Column email' })
    .getByRole('spinbutton', { name: 'Length' })
    .fill('200');
  await addTable(page, 'orders');
  await addColumn(page, 'orders', 'customer_id', 'BIGINT');
  await addColumn(page, 'orders', 'placed_at', 'TIMESTAMPTZ');

  // A foreign key made in the outline, the keyboard's way.
  const keys = page.getByRole('region', { name: 'Foreign keys of orders' });
  await keys.getByRole('combobox', { name: 'From column' }).selectOption({ label: 'customer_id' });
  await keys.getByRole('combobox', { name: 'To table' }).selectOption({ label: 'customers' });
  await keys.getByRole('button', { name: 'Add foreign key' }).click();
  await expect(keys.getByText('orders.customer_id → customers.id')).toBeVisible();

  // A mistake is marked on the column it concerns, and goes when fixed.
  await page.getByRole('textbox', { name: 'Name of column email in customers' }).fill('id');
  const duplicate = page.getByRole('listitem', { name: 'Column id' }).filter({ hasText: 'Error:' });
  await expect(duplicate.first()).toBeVisible();
  await expect(page.getByRole('tab', { name: /Problems \([1-9]/ })).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: 'Not saved: the design has errors' }),
  ).toBeVisible();
  await page.getByRole('textbox', { name: 'Name of column id in customers' }).last().fill('email');
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();

  // The SQL panel is the export endpoint's SQL, generated in the browser.
  await page.getByRole('tab', { name: 'SQL' }).click();
  const shown = await page.getByRole('textbox', { name: 'SQL for PostgreSQL' }).inputValue();
  const exported = await request.get(`/api/v1/schemas/${id}/export/sql?dialect=postgresql`, {
    headers: { authorization: `Bearer ${account.token}` },
  });
  expect(exported.status()).toBe(200);
  expect(shown).toBe(((await exported.json()) as { sql: string }).sql);
  expect(shown).toContain('REFERENCES');

  await expectAccessible(page);
  await captureScreenshots(page, 'designer');

  // A reload finds everything, positions included.
  const before = await request.get(`/api/v1/schemas/${id}`, {
    headers: { authorization: `Bearer ${account.token}` },
  });
  const saved = ((await before.json()) as { definition: { tables: { name: string; position: unknown }[] } })
    .definition;
  expect(saved.tables.map((table) => table.name)).toEqual(['customers', 'orders']);
  expect(saved.tables.every((table) => table.position)).toBe(true);
  await page.reload();
  await expect(outlineTable(page, 'orders')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Name of column placed_at in orders' })).toBeVisible();
});

test('undo and redo cover every edit, by button and by keyboard', async ({
  signedIn: page,
  account,
  request,
}) => {
  const id = await createDesign(request, account, `undo-${Date.now()}`);
  await page.goto(`/designs/${id}/edit`);
  await addTable(page, 'customers');
  await page.getByRole('button', { name: 'Delete table customers' }).click();
  await expect(outlineTable(page, 'customers')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(outlineTable(page, 'customers')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await expect(outlineTable(page, 'customers')).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(outlineTable(page, 'customers')).toBeVisible();
});

test('a foreign key drawn on the canvas from one column to another asks for its actions', async ({
  signedIn: page,
  account,
  request,
}) => {
  const id = await createDesign(request, account, `draw-${Date.now()}`);
  await page.goto(`/designs/${id}/edit`);
  await addTable(page, 'authors');
  await addTable(page, 'books');
  await addColumn(page, 'books', 'author_id', 'BIGINT');
  await page.getByRole('button', { name: 'Arrange automatically' }).click();

  const canvas = page.getByRole('region', { name: 'Canvas' });
  await canvas.scrollIntoViewIfNeeded();
  await page.getByRole('button', { name: 'Fit to view' }).click();
  const books = canvas.locator('.react-flow__node').filter({ hasText: 'books' });
  const authors = canvas.locator('.react-flow__node').filter({ hasText: 'authors' });
  const from = books.locator('.react-flow__handle.source').nth(1);
  const to = authors.locator('.react-flow__handle.target').first();
  // A pointer drag in steps, as a hand makes it (React Flow follows the moves), once the layout
  // and the fitted view have settled.
  const start = await settledBox(from);
  const end = await settledBox(to);
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 12 });
  await page.mouse.up();
  const dialog = page.getByRole('dialog', { name: 'New foreign key' });
  await expect(dialog).toContainText('books.author_id references authors.id');
  await dialog.getByRole('combobox', { name: 'On delete' }).selectOption('CASCADE');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(
    page
      .getByRole('region', { name: 'Foreign keys of books' })
      .getByRole('combobox', { name: /^On delete of/ }),
  ).toHaveValue('CASCADE');
});

test('two pages editing one design: the second save opens a choice, and keeping mine saves it on top', async ({
  signedIn: page,
  account,
  request,
}) => {
  const id = await createDesign(request, account, `conflict-${Date.now()}`);
  const other = await page.context().newPage();
  await page.goto(`/designs/${id}/edit`);
  await other.goto(`/designs/${id}/edit`);
  await addTable(other, 'theirs');
  await expect(other.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();

  await addTable(page, 'mine');
  const dialog = page.getByRole('dialog', { name: 'This design was changed elsewhere' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Keep mine as a new version' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  const saved = await request.get(`/api/v1/schemas/${id}`, {
    headers: { authorization: `Bearer ${account.token}` },
  });
  const body = (await saved.json()) as { version: number; definition: { tables: { name: string }[] } };
  expect(body.definition.tables.map((table) => table.name)).toEqual(['mine']);
  // Theirs stays in the history, under mine.
  const theirVersion = await request.get(`/api/v1/schemas/${id}/versions/2`, {
    headers: { authorization: `Bearer ${account.token}` },
  });
  const theirs = (await theirVersion.json()) as { definition: { tables: { name: string }[] } };
  expect(theirs.definition.tables.map((table) => table.name)).toEqual(['theirs']);
  expect(body.version).toBeGreaterThanOrEqual(3);
});

test('unsaved edits survive a reload: they are kept in the browser until the server has them', async ({
  signedIn: page,
  account,
  request,
}) => {
  const id = await createDesign(request, account, `offline-${Date.now()}`);
  await page.goto(`/designs/${id}/edit`);
  // The server is unreachable for saves: the edit stays unsaved.
  await page.route('**/trpc/schemas.update**', (route) => route.abort());
  await addTable(page, 'kept');
  await expect(page.getByRole('status').filter({ hasText: 'Not saved' })).toBeVisible();
  await page.unroute('**/trpc/schemas.update**');
  await page.reload();
  await expect(outlineTable(page, 'kept')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
});

test('an edit made just before a reload is kept: the draft is written as the page goes', async ({
  signedIn: page,
  account,
  request,
}) => {
  const id = await createDesign(request, account, `reload-now-${Date.now()}`);
  await page.goto(`/designs/${id}/edit`);
  await page.route('**/trpc/schemas.update**', (route) => route.abort());
  await addTable(page, 'kept');
  await expect(page.getByRole('status').filter({ hasText: 'Not saved' })).toBeVisible();
  // Renamed and reloaded at once: sooner than the draft's quiet time, far sooner than the autosave.
  await page.getByRole('textbox', { name: 'Name of table kept' }).fill('renamed');
  await page.unroute('**/trpc/schemas.update**');
  await page.reload();
  await expect(outlineTable(page, 'renamed')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
});

test('a design without positions is laid out when it opens, saved with the next edit; groups and notes are named and written in the outline', async ({
  signedIn: page,
  account,
  request,
}) => {
  // Tables without positions, as an import makes them.
  const response = await request.post('/api/v1/schemas', {
    headers: { authorization: `Bearer ${account.token}` },
    data: {
      name: `imported-${Date.now()}`,
      tables: [
        {
          id: 'a',
          name: 'authors',
          columns: [{ id: 'a1', name: 'id', dataType: 'BIGINT', primaryKey: true }],
        },
        { id: 'b', name: 'books', columns: [{ id: 'b1', name: 'id', dataType: 'BIGINT', primaryKey: true }] },
      ],
    },
  });
  const { id } = (await response.json()) as { id: string };
  await page.goto(`/designs/${id}/edit`);
  // Laid out on the canvas at once, no table over another …
  const canvas = page.getByRole('region', { name: 'Canvas' });
  const authors = await settledBox(canvas.locator('.react-flow__node').filter({ hasText: 'authors' }));
  const books = await settledBox(canvas.locator('.react-flow__node').filter({ hasText: 'books' }));
  const apart =
    authors.x + authors.width <= books.x ||
    books.x + books.width <= authors.x ||
    authors.y + authors.height <= books.y ||
    books.y + books.height <= authors.y;
  expect(apart, JSON.stringify({ authors, books })).toBe(true);
  // … without making a version by merely opening it.
  await expect(page.getByRole('status').filter({ hasText: /All changes saved.*version 1/ })).toBeVisible();

  await outlineTable(page, 'authors').focus();
  await page.getByRole('button', { name: 'Group selected' }).click();
  await page.getByRole('button', { name: 'Add note' }).click();
  const extras = page.getByRole('region', { name: 'Groups and notes' });
  await extras.getByRole('textbox', { name: 'Group name' }).fill('Catalogue');
  await extras.getByRole('textbox', { name: 'Note 1' }).fill('Ask the librarians');
  await expect(page.getByRole('region', { name: 'Canvas' }).getByText('Catalogue')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Canvas' }).getByText('Ask the librarians')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /All changes saved.*version 2/ })).toBeVisible();
  // The positions were saved with that edit.
  const saved = await request.get(`/api/v1/schemas/${id}`, {
    headers: { authorization: `Bearer ${account.token}` },
  });
  const { definition } = (await saved.json()) as { definition: { tables: { position?: unknown }[] } };
  expect(definition.tables.every((table) => table.position)).toBe(true);
  await expectAccessible(page);
});
