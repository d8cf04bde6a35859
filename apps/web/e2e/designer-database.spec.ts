import type { Page } from '@playwright/test';
import postgres from 'postgres';
import { expectAccessible } from './support/accessibility.ts';
import { blogDesign, designsApi } from './support/designs.ts';
import { type Account, expect, test } from './support/fixtures.ts';
import { captureScreenshots } from './support/screenshots.ts';

const saved = (page: Page) => page.getByRole('status').filter({ hasText: 'All changes saved' });

async function credentialsOf(page: Page, account: Account, designId: string): Promise<string> {
  const response = await page.context().request.get(`/api/v1/schemas/${designId}/database/credentials`, {
    headers: { authorization: `Bearer ${account.token}` },
  });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { url: string }).url;
}

test('a design is provisioned from the designer, changed, and its change applied with consent to the destructive step, rows kept; two versions compared in History', async ({
  signedIn: page,
  account,
}) => {
  test.setTimeout(240_000);
  const design = await designsApi(page, account).createDesign(blogDesign('evolving'));
  await page.goto(`/designs/${design.id}/edit`);
  await expect(page.getByRole('heading', { name: 'Designer' })).toBeVisible();

  // Provision from the designer and follow it to ready.
  await page.getByRole('tab', { name: 'Database' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Database' });
  await expect(panel.getByText('This design has no database yet.')).toBeVisible();
  await expect(panel.getByRole('link', { name: 'Open the database page' })).toBeVisible();
  await expectAccessible(page);
  await panel.getByRole('button', { name: 'Provision database' }).click();
  await expect(panel.getByTestId('database-status')).toHaveText('Ready', { timeout: 60_000 });
  await expectAccessible(page);

  // Rows in the database, through its own credentials.
  const sql = postgres(await credentialsOf(page, account, design.id), { max: 1, onnotice: () => {} });
  try {
    const [author] = await sql<
      { id: number }[]
    >`insert into authors (email) values ('ada@example.com') returning id`;
    if (!author) throw new Error('no author inserted');
    await sql`insert into posts (author_id, body) values (${author.id}, 'first'), (${author.id}, 'second')`;

    // Change the design: drop a column that holds rows, add a table.
    await page.getByRole('button', { name: 'Delete column body' }).click();
    await page.getByRole('button', { name: 'Add table' }).click();
    await page
      .getByRole('textbox', { name: /^Name of table table/ })
      .last()
      .fill('tags');
    await expect(saved(page)).toBeVisible({ timeout: 15_000 });

    // The design is ahead: Apply changes shows the plan and its destructive hazard.
    await panel.getByRole('button', { name: 'Apply changes' }).click();
    const dialog = page.getByRole('dialog', { name: 'Apply changes to the database' });
    const hazards = dialog.getByRole('list', { name: /^Hazards of version 1 to/ });
    await expect(hazards).toContainText('DESTRUCTIVE');
    await expect(dialog.getByRole('textbox', { name: /^SQL of version 1 to/ })).toHaveValue(/DROP COLUMN/);
    await expect(dialog.getByRole('region', { name: 'Data checks' })).toBeVisible();
    await expectAccessible(page);

    // Without consent the service refuses, and says why; nothing changed.
    await dialog.getByRole('button', { name: 'Run migration' }).click();
    const refusal = dialog.getByRole('alert');
    await expect(refusal).toContainText('refused');
    await expect(refusal).toContainText('DESTRUCTIVE');
    await expectAccessible(page);
    expect((await sql`select body from posts order by body`).map((row) => row.body)).toEqual([
      'first',
      'second',
    ]);

    // With consent it runs, and the outcome is shown.
    await dialog.getByRole('checkbox', { name: /I accept DESTRUCTIVE/ }).check();
    await dialog.getByRole('button', { name: 'Run migration' }).click();
    await expect(dialog.getByText(/Applied: the database now holds version \d+/)).toBeVisible({
      timeout: 60_000,
    });
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Close' }).first().click();
    await expect(panel.getByRole('button', { name: 'Apply changes' })).toHaveCount(0);

    // The other columns' data is kept; the dropped column and the new table are as designed.
    const posts = await sql<{ author_id: number }[]>`select * from posts`;
    expect(posts).toHaveLength(2);
    expect(posts.every((row) => row.author_id === author.id && !('body' in row))).toBe(true);
    expect(await sql`select email from authors`).toEqual([{ email: 'ada@example.com' }]);
    expect(await sql`select count(*)::int as count from tags`).toEqual([{ count: 0 }]);
  } finally {
    await sql.end();
  }

  // History: the versions, and the first compared with the latest on the canvas and as a plan.
  await page.getByRole('tab', { name: 'History' }).click();
  const history = page.getByRole('tabpanel', { name: 'History' });
  const versions = history.getByRole('list', { name: 'Versions of the design' });
  await expect(versions.getByRole('listitem').first()).toContainText('by you');
  await expectAccessible(page);
  await history.getByRole('combobox', { name: 'From version' }).selectOption('1');
  await history.getByRole('button', { name: 'Compare' }).click();
  const canvas = page.getByRole('region', { name: 'Canvas' });
  await expect(canvas.getByText(/^Comparing version 1 with version \d+$/)).toBeVisible();
  await expect(canvas.getByRole('group', { name: 'Table tags, added' })).toBeVisible();
  const posts = canvas.getByRole('group', { name: 'Table posts, changed' });
  await expect(posts).toBeVisible();
  await expect(posts.getByRole('listitem').filter({ hasText: 'body' })).toContainText('removed');
  await expect(canvas.getByRole('group', { name: 'Table authors, unchanged' })).toBeVisible();
  await expect(canvas.getByRole('list', { name: 'Legend' })).toContainText('added: 1 table');
  const plan = history.getByRole('textbox', { name: /^SQL of version 1 to/ });
  await expect(plan).toHaveValue(/DROP COLUMN/);
  await expect(plan).toHaveValue(/CREATE TABLE/);
  await expect(history.getByRole('list', { name: /^Hazards of version 1 to/ })).toContainText('DESTRUCTIVE');
  await expectAccessible(page);
  await captureScreenshots(page, 'designer-database');

  await canvas.getByRole('button', { name: 'Back to the design' }).click();
  await expect(canvas.getByRole('group', { name: 'Table tags' })).toBeVisible();
});

test('a change the rows in the database would break is shown by the data checks and refused with the reasons, whatever the consent', async ({
  signedIn: page,
  account,
}) => {
  test.setTimeout(180_000);
  const api = designsApi(page, account);
  const design = await api.createDesign(blogDesign('strict'));
  await api.provision(design.id);
  expect((await api.settledDatabase(design.id)).status).toBe('ready');
  const sql = postgres(await credentialsOf(page, account, design.id), { max: 1, onnotice: () => {} });
  try {
    const [author] = await sql<
      { id: number }[]
    >`insert into authors (email) values ('bo@example.com') returning id`;
    if (!author) throw new Error('no author inserted');
    await sql`insert into posts (author_id, body) values (${author.id}, null)`;
  } finally {
    await sql.end();
  }

  // body becomes NOT NULL while a post has none.
  await page.goto(`/designs/${design.id}/edit`);
  await page.getByRole('button', { name: 'Edit column body' }).click();
  await page
    .getByRole('listitem', { name: 'Column body' })
    .getByRole('checkbox', { name: 'Not null' })
    .check();
  await expect(saved(page)).toBeVisible({ timeout: 15_000 });

  await page.getByRole('tab', { name: 'Database' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Database' });
  await panel.getByRole('button', { name: 'Apply changes' }).click();
  const dialog = page.getByRole('dialog', { name: 'Apply changes to the database' });
  await expect(dialog.getByRole('region', { name: 'Data checks' })).toContainText('1 row(s) of posts');
  await expect(dialog.getByRole('checkbox')).toHaveCount(0);
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Run migration' }).click();
  const refusal = dialog.getByRole('alert');
  await expect(refusal).toContainText('refused');
  await expect(refusal).toContainText('1 row(s) of posts');
  await expectAccessible(page);
});
