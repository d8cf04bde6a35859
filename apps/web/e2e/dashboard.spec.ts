import type { APIRequestContext } from '@playwright/test';
import { expectAccessible } from './support/accessibility.ts';
import type { Account } from './support/fixtures.ts';
import { expect, test } from './support/fixtures.ts';
import { captureScreenshots } from './support/screenshots.ts';

function api(request: APIRequestContext, account: Account) {
  const headers = { authorization: `Bearer ${account.token}` };
  return {
    async createDesign(name: string) {
      const response = await request.post('/api/v1/schemas', { data: { name, tables: [] }, headers });
      expect(response.status(), await response.text()).toBe(201);
    },
    async createConnection(name: string, active: boolean) {
      const response = await request.post('/api/v1/connections', {
        data: { name, type: 'postgresql', host: '127.0.0.1', port: 5432, database: 'shop', username: 'ada' },
        headers,
      });
      expect(response.status(), await response.text()).toBe(201);
      if (!active) {
        const { id } = (await response.json()) as { id: string };
        const patched = await request.patch(`/api/v1/connections/${id}`, {
          data: { active: false },
          headers,
        });
        expect(patched.status()).toBe(200);
      }
    },
  };
}

test('a new account sees zero counts and says how to start', async ({ signedIn: page }) => {
  await page.goto('/');
  await expect(page.getByText('Designs: 0')).toBeVisible();
  await expect(page.getByText('Connections: 0')).toBeVisible();
  await expect(page.getByText('No designs yet')).toBeVisible();
  await expect(page.getByText('No connections yet')).toBeVisible();
  await expectAccessible(page);
});

test('counts and recent items follow what the account creates', async ({
  signedIn: page,
  request,
  account,
}) => {
  const calls = api(request, account);
  await page.goto('/');
  await expect(page.getByText('Designs: 0')).toBeVisible();

  await calls.createDesign('shop');
  await calls.createDesign('blog');
  await calls.createConnection('production', true);
  await calls.createConnection('archive', false);
  await page.reload();

  await expect(page.getByText('Designs: 2')).toBeVisible();
  await expect(page.getByText('Connections: 2')).toBeVisible();
  const connectionsByState = page.getByRole('list', { name: 'Connections by state' });
  await expect(connectionsByState).toContainText('1 active');
  await expect(connectionsByState).toContainText('1 inactive');
  const designs = page.getByRole('region', { name: 'Recent designs' });
  await expect(designs.getByRole('link', { name: 'shop' })).toBeVisible();
  await expect(designs.getByRole('listitem').filter({ hasText: 'blog' })).toContainText('No database');
  const connections = page.getByRole('region', { name: 'Recent connections' });
  await expect(connections.getByRole('listitem').filter({ hasText: 'archive' })).toContainText('Inactive');
  await expect(connections.getByRole('listitem').filter({ hasText: 'production' })).toContainText(
    'Active · never tested',
  );
  await expectAccessible(page);
  await captureScreenshots(page, 'dashboard');

  await designs.getByRole('link', { name: 'shop' }).click();
  await expect(page).toHaveURL(/\/designs\/[0-9a-f-]{36}$/);
});

test('quick actions: a new blank design opens, and the other two lead to their pages', async ({
  signedIn: page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'New design' }).click();
  await expect(page).toHaveURL(/\/designs\/[0-9a-f-]{36}$/);
  await page.goto('/');
  await expect(page.getByText('Designs: 1')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Recent designs' })).toContainText('Untitled design');
  // A second one gets the next free name.
  await page.getByRole('button', { name: 'New design' }).click();
  await expect(page).toHaveURL(/\/designs\/[0-9a-f-]{36}$/);
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Untitled design 2' })).toBeVisible();

  await page.getByRole('link', { name: 'New connection' }).click();
  await expect(page).toHaveURL(/\/connections$/);
  await page.goto('/');
  await page.getByRole('link', { name: 'Import a database' }).click();
  await expect(page).toHaveURL(/\/browse$/);
});

test('a dashboard that cannot load says why and offers to try again', async ({ signedIn: page }) => {
  await page.route('**/trpc/dashboard.summary**', (route) =>
    route.fulfill({
      status: 503,
      contentType: 'application/json',
      body: JSON.stringify({
        error: {
          message: 'The service is overloaded.',
          code: -32603,
          data: {
            code: 'INTERNAL_SERVER_ERROR',
            httpStatus: 503,
            error: {
              code: 'SERVICE_UNAVAILABLE',
              message: 'The service is overloaded.',
              details: [],
              requestId: 'r1',
            },
          },
        },
      }),
    }),
  );
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('The service is overloaded.');
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expectAccessible(page);
  await page.unroute('**/trpc/dashboard.summary**');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByText('Designs: 0')).toBeVisible();
});
