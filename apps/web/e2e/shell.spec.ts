import { expectAccessible } from './support/accessibility.ts';
import { expect, test } from './support/fixtures.ts';

test('a visitor who is not signed in is sent to sign in, and comes back after', async ({ page }) => {
  await page.goto('/connections');
  await expect(page).toHaveURL(/\/sign-in\?redirect=%2Fconnections/);
});

test('a signed-in user reaches every page from the main navigation', async ({ signedIn: page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const [link, heading] of [
    ['Designs', 'Designs'],
    ['Connections', 'Connections'],
    ['Browser', 'Database browser'],
    ['Account', 'Account'],
    ['Dashboard', 'Dashboard'],
  ] as const) {
    await nav.getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  }
  await expectAccessible(page);
});

test('an address the app does not know shows a page that says so, with a way back', async ({
  signedIn: page,
}) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the dashboard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
});

test('the app is served with caching that suits each file, and API paths stay JSON', async ({ request }) => {
  const index = await request.get('/', { headers: { accept: 'text/html' } });
  expect(index.status()).toBe(200);
  expect(index.headers()['cache-control']).toBe('no-cache');
  expect(index.headers()['content-security-policy']).toContain("default-src 'self'");
  const html = await index.text();
  const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  expect(asset, html).toBeDefined();
  const script = await request.get(asset ?? '');
  expect(script.status()).toBe(200);
  expect(script.headers()['cache-control']).toBe('public, max-age=31536000, immutable');

  const deepLink = await request.get('/designs/some-id', { headers: { accept: 'text/html' } });
  expect(deepLink.status()).toBe(200);
  expect(await deepLink.text()).toBe(html);

  const apiTypo = await request.get('/api/v1/no-such-route', { headers: { accept: 'text/html' } });
  expect(apiTypo.status()).toBe(404);
  expect(await apiTypo.json()).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' } });
});
