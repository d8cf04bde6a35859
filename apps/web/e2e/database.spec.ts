import { expectAccessible } from './support/accessibility.ts';
import { blogDesign, designsApi } from './support/designs.ts';
import { expect, test } from './support/fixtures.ts';
import { captureScreenshots } from './support/screenshots.ts';

test("a design's database is provisioned with visible progress, its connection string revealed and copied on request, its password rotated, rebuilt after a typed confirmation, and dropped", async ({
  signedIn: page,
  account,
}) => {
  test.setTimeout(180_000);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const design = await designsApi(page, account).createDesign(blogDesign('shop'));
  // The page listens to the database's events (server-sent) rather than polling while idle.
  const events = page.waitForResponse(/\/trpc\/databases\.events/);
  await page.goto(`/designs/${design.id}/database`);
  expect((await events).status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Database of shop' })).toBeVisible();
  await expect(page.getByText('shop has no database yet.')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Provision database' }).click();
  // The job's progress is shown while it runs: queued, then the worker's steps.
  await expect(page.getByRole('status').filter({ hasText: 'Provisioning:' })).toBeVisible();
  await expectAccessible(page);
  const status = page.getByTestId('database-status');
  await expect(status).toHaveText('Ready', { timeout: 60_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Provisioning:' })).toHaveCount(0);
  await expect(page.getByText('Matches the design version it was built from')).toBeVisible();

  // The password is not on the page until asked for.
  const connection = page.getByRole('region', { name: 'Connection' });
  await expect(connection).toContainText('the password is hidden');
  await expect(connection).not.toContainText(/postgres(ql)?:\/\//);
  await connection.getByRole('button', { name: 'Reveal connection string' }).click();
  await expect(connection).toContainText(/postgres(ql)?:\/\/[^:]+:[^@]+@/);
  const revealed = await connection.getByRole('definition').first().textContent();
  await expectAccessible(page);
  await captureScreenshots(page, 'database');
  await connection.getByRole('button', { name: 'Hide connection string' }).click();
  await expect(connection).not.toContainText(/postgres(ql)?:\/\//);
  await connection.getByRole('button', { name: 'Copy connection string' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(revealed);

  await page.getByRole('button', { name: 'Rotate password' }).click();
  await expect(status).toHaveText('Ready');
  await expect(page.getByRole('button', { name: 'Rotate password' })).toBeEnabled({ timeout: 60_000 });
  await connection.getByRole('button', { name: 'Copy connection string' }).click();
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()), { timeout: 30_000 })
    .not.toBe(revealed);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^postgres(ql)?:\/\//);

  await page.getByRole('button', { name: 'Regenerate' }).click();
  const regenerate = page.getByRole('alertdialog', { name: 'Regenerate the database?' });
  const confirm = regenerate.getByRole('button', { name: 'Regenerate database' });
  await expect(confirm).toBeDisabled();
  await regenerate.getByLabel('Type shop to confirm').fill('sho');
  await expect(confirm).toBeDisabled();
  await regenerate.getByLabel('Type shop to confirm').fill('shop');
  await expectAccessible(page);
  await confirm.click();
  await expect(regenerate).toBeHidden();
  // The rebuild may finish before its progress is drawn, and the page said Ready before it began:
  // wait until the service says the job is over, then the page follows.
  expect((await designsApi(page, account).settledDatabase(design.id)).status).toBe('ready');
  await expect(status).toHaveText('Ready', { timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Regenerate' })).toBeEnabled({ timeout: 60_000 });

  await page.getByRole('button', { name: 'Drop database' }).click();
  await page
    .getByRole('alertdialog', { name: 'Drop the database?' })
    .getByRole('button', { name: 'Drop database' })
    .click();
  await expect(page.getByText('This database was dropped.')).toBeVisible({ timeout: 60_000 });
  await expect(status).toHaveText('Dropped');
  await expectAccessible(page);
});

test('a refused change shows the reason the service gave', async ({ signedIn: page, account }) => {
  const api = designsApi(page, account);
  const design = await api.createDesign(blogDesign('stale'));
  // A page that stopped hearing events (the stream cut) still shows the design without a database…
  await page.route('**/trpc/databases.events**', (route) => route.abort());
  await page.goto(`/designs/${design.id}/database`);
  await expect(page.getByText('stale has no database yet.')).toBeVisible();
  // …while it got one elsewhere: the click is refused, and the page says why.
  await api.provision(design.id);
  await page.getByRole('button', { name: 'Provision database' }).click();
  await expect(page.getByRole('alert')).toContainText(/already has database/);
  await expectAccessible(page);
  await api.settledDatabase(design.id);
});
