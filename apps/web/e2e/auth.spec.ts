import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { APIRequestContext } from '@playwright/test';
import { expectAccessible } from './support/accessibility.ts';
import { runState } from './support/env.ts';
import { expect, test } from './support/fixtures.ts';
import { captureScreenshots } from './support/screenshots.ts';

const SESSION_COOKIE = 'sb_session';

test('a visitor signs up, lands on the dashboard, and the session is a cookie no script can read', async ({
  page,
  context,
}) => {
  await page.goto('/sign-up');
  await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible();
  await expectAccessible(page);
  await captureScreenshots(page, 'sign-up');

  const email = `new-${randomUUID()}@example.com`;
  await page.getByLabel('Name').fill('Ada');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByText('Ada', { exact: true })).toBeVisible();

  const cookie = (await context.cookies()).find((candidate) => candidate.name === SESSION_COOKIE);
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  expect(await page.evaluate(() => document.cookie)).not.toContain(SESSION_COOKIE);
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))).toBe('{}');
});

test('sign-up shows each rule beside its field, and a taken address beside the e-mail', async ({
  page,
  account,
}) => {
  await page.goto('/sign-up');
  await page.getByLabel('E-mail address').fill('not an address');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByLabel('E-mail address')).toHaveAccessibleDescription('must be an e-mail address');
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription(
    /At least 10 characters\.\s*must be at least 10 characters/,
  );
  await expectAccessible(page);

  await page.getByLabel('E-mail address').fill(account.email.toUpperCase());
  await page.getByLabel('Password').fill('long enough password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByLabel('E-mail address')).toHaveAccessibleDescription('Already registered.');
  await expect(page).toHaveURL(/\/sign-up/);
});

test('signing in goes back to the page that asked for it', async ({ page, account }) => {
  await page.goto('/connections');
  await expect(page).toHaveURL(/\/sign-in\?redirect=%2Fconnections/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expectAccessible(page);
  await captureScreenshots(page, 'sign-in');
  await page.getByLabel('E-mail address').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/connections$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Connections' })).toBeVisible();
});

test('a wrong password shows the service’s message and stays on sign-in', async ({ page, account }) => {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail address').fill(account.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('The e-mail address or the password is wrong.');
  await expect(page).toHaveURL(/\/sign-in/);
  await expectAccessible(page);
});

/** Fails sign-in from this machine until the address must wait at least `seconds`, honouring each wait. */
async function lockOut(request: APIRequestContext, email: string, seconds: number): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const response = await request.post('/api/v1/auth/sign-in', {
      data: { email, password: 'wrong wrong wrong' },
    });
    if (response.status() === 429) {
      const wait = Number(response.headers()['retry-after']);
      if (wait >= seconds) return;
      await sleep(wait * 1000 + 100);
    } else expect(response.status()).toBe(401);
  }
  throw new Error(`no wait of ${seconds} s after 20 failures`);
}

test('a locked-out address is told when it may try again, and can once the wait is over', async ({
  page,
  request,
  account,
}) => {
  test.setTimeout(90_000);
  // Five failures start a one-second wait that doubles with each further failure: 16 s after the ninth.
  await lockOut(request, account.email, 16);
  await page.goto('/sign-in');
  await page.getByLabel('E-mail address').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const notice = page.getByRole('alert');
  await expect(notice).toContainText(/Too many failed sign-ins.*Try again in \d+ seconds?\./);
  const first = Number(/in (\d+) second/.exec((await notice.textContent()) ?? '')?.[1]);
  expect(first).toBeGreaterThan(5);
  // It counts down.
  await expect(notice).toContainText(`Try again in ${first - 1} second`, { timeout: 3000 });
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeDisabled();
  await expectAccessible(page);

  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled({ timeout: 25_000 });
  await expect(notice).toBeHidden();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
});

test('signing out ends the session, clears the cookie and lands on sign-in', async ({ signedIn: page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  const cookieBefore = (await page.context().cookies()).find((cookie) => cookie.name === SESSION_COOKIE);
  expect(cookieBefore).toBeDefined();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain(SESSION_COOKIE);

  // The old token is revoked, not only forgotten by the browser.
  const replay = await page.request.get('/api/v1/auth/me', {
    headers: { cookie: `${SESSION_COOKIE}=${cookieBefore?.value}` },
  });
  expect(replay.status()).toBe(401);
  await page.goto('/designs');
  await expect(page).toHaveURL(/\/sign-in\?redirect=%2Fdesigns/);
});

test('a form on another origin posting to the API with the session cookie is refused and changes nothing', async ({
  signedIn: page,
  account,
  request,
}) => {
  const { baseUrl } = runState();
  // Another origin on the same host: the same *site*, so SameSite=Lax still sends the cookie —
  // only the Origin check stands between this page and the user's account.
  const evil = createServer((_request, response) => {
    response.setHeader('content-type', 'text/html');
    response.end(`<!doctype html><html lang="en"><title>Win a prize</title>
      <form method="post" action="${baseUrl}/api/v1/schemas" enctype="application/x-www-form-urlencoded">
        <input type="hidden" name="name" value="planted"><button>Claim</button>
      </form></html>`);
  });
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = evil.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/`);
    const [answer] = await Promise.all([
      page.waitForResponse(`${baseUrl}/api/v1/schemas`),
      page.getByRole('button', { name: 'Claim' }).click(),
    ]);
    expect(answer.request().headers().cookie ?? (await answer.request().allHeaders()).cookie).toContain(
      SESSION_COOKIE,
    );
    expect(answer.status()).toBe(403);
    expect(await answer.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
  } finally {
    await new Promise((resolve) => evil.close(resolve));
  }
  const designs = await request.get('/api/v1/schemas', {
    headers: { authorization: `Bearer ${account.token}` },
  });
  expect((await designs.json()).items).toEqual([]);
});
