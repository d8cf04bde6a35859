import { expectAccessible } from './support/accessibility.ts';
import { expect, test } from './support/fixtures.ts';
import { captureScreenshots } from './support/screenshots.ts';

test('an API key is shown once, works as a bearer token, and is refused once revoked', async ({
  signedIn: page,
  request,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/account');
  await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible();
  await expect(page.getByText('No API keys yet')).toBeVisible();
  await expectAccessible(page);

  // A name is required: the API's own rule, told at the field.
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByLabel('Key name')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Key name').fill('ci deploy');
  await page.getByRole('button', { name: 'Create key' }).click();
  const shown = page.getByRole('dialog', { name: 'Your new API key' });
  await expect(shown).toContainText('only time it is shown');
  const key = await shown.getByLabel('API key').inputValue();
  expect(key).toMatch(/^sbk_/);
  await shown.getByRole('button', { name: 'Copy key' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await expectAccessible(page);
  await shown.getByRole('button', { name: 'Done' }).click();
  await expect(shown).toBeHidden();
  expect(await page.content()).not.toContain(key);

  const row = page.getByRole('region', { name: 'API keys table' }).getByRole('row', { name: /ci deploy/ });
  await expect(row).toContainText(key.slice(0, 8));
  await expect(row).toContainText('Active');
  const asKey = { authorization: `Bearer ${key}` };
  expect((await request.get('/api/v1/auth/me', { headers: asKey })).status()).toBe(200);
  await captureScreenshots(page, 'account');

  await row.getByRole('button', { name: 'Revoke ci deploy' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Revoke ci deploy?' });
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'Revoke key' }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toContainText('Revoked');
  await expect(row.getByRole('button', { name: 'Revoke ci deploy' })).toHaveCount(0);
  expect((await request.get('/api/v1/auth/me', { headers: asKey })).status()).toBe(401);

  const log = page.getByRole('region', { name: 'Audit log table' });
  await expect(log.getByRole('row', { name: /API key created/ })).toContainText('“ci deploy”');
  await expect(log.getByRole('row', { name: /API key revoked/ })).toContainText('“ci deploy”');
  await expect(log.getByRole('row', { name: /Signed up/ })).toBeVisible();
});

test('the audit log is read a page at a time, newest first', async ({ signedIn: page, account }) => {
  for (let index = 1; index <= 21; index++) {
    // The test's own calls carry the token: the browser's cookie is for the page's same-origin calls.
    const response = await page.request.post('/api/v1/api-keys', {
      headers: { authorization: `Bearer ${account.token}` },
      data: { name: `key ${index}` },
    });
    expect(response.status()).toBe(201);
  }
  await page.goto('/account');
  const log = page.getByRole('region', { name: 'Audit log table' });
  const pages = page.getByRole('navigation', { name: 'Audit log pages' });
  await expect(log.getByRole('row', { name: /API key created/ }).first()).toContainText('“key 21”');
  await expect(pages.getByRole('button', { name: 'Newer' })).toBeDisabled();
  await pages.getByRole('button', { name: 'Older' }).click();
  await expect(pages).toContainText('Page 2');
  // The oldest events: the first key, and the sign-up before it.
  await expect(log.getByRole('row', { name: /Signed up/ })).toBeVisible();
  await expect(pages.getByRole('button', { name: 'Older' })).toBeDisabled();
  await expectAccessible(page);
  await pages.getByRole('button', { name: 'Newer' }).click();
  await expect(pages).toContainText('Page 1');
  await expect(log.getByRole('row', { name: /API key created/ }).first()).toContainText('“key 21”');

  // The keys list pages too.
  const keys = page.getByRole('region', { name: 'API keys table' });
  await expect(keys.getByRole('row')).toHaveCount(21);
  await page.getByRole('button', { name: 'Show more keys' }).click();
  await expect(keys.getByRole('row')).toHaveCount(22);
});
