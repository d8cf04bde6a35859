import { randomUUID } from 'node:crypto';
import { test as base, expect, type Page } from '@playwright/test';
import { runState } from './env.ts';
import { createTargetDatabase, type TargetDatabase } from './target-server.ts';

export interface Account {
  email: string;
  password: string;
  name: string;
  /** A session token of the account, for the tests' own API calls (never given to the page). */
  token: string;
}

interface Fixtures {
  /** A new account, signed up through the API. */
  account: Account;
  /** A page whose browser is signed in as `account` (a real session cookie, as after signing in). */
  signedIn: Page;
  /** Creates databases on the target server for the test; all dropped after it. */
  targetDatabase: (options?: { prefix?: string; setup?: string }) => Promise<TargetDatabase>;
}

export const test = base.extend<Fixtures>({
  // The stack's address is known once the global setup has started it, after the config is read.
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's needs from this pattern
  baseURL: async ({}, use) => use(runState().baseUrl),
  account: async ({ playwright }, use) => {
    const api = await playwright.request.newContext({ baseURL: runState().baseUrl });
    const account = {
      email: `user-${randomUUID()}@example.com`,
      password: 'correct horse battery staple',
      name: 'Test User',
    };
    const response = await api.post('/api/v1/auth/sign-up', { data: account });
    expect(response.status(), await response.text()).toBe(201);
    const { token } = (await response.json()) as { token: string };
    await api.dispose();
    await use({ ...account, token });
  },
  signedIn: async ({ browser, account }, use) => {
    const { baseUrl } = runState();
    const context = await browser.newContext({ baseURL: baseUrl });
    // The context's own request client shares the browser's cookie jar: the HttpOnly session
    // cookie the browser-session route sets lands in the browser, as a sign-in on the page would.
    // Origin: the route starts sessions only for pages of the app itself.
    const response = await context.request.post('/api/v1/auth/browser/sign-in', {
      data: { email: account.email, password: account.password },
      headers: { origin: baseUrl },
    });
    expect(response.status(), await response.text()).toBe(200);
    const page = await context.newPage();
    await use(page);
    await context.close();
  },
  // biome-ignore lint/correctness/noEmptyPattern: as above
  targetDatabase: async ({}, use) => {
    const created: TargetDatabase[] = [];
    await use(async (options) => {
      const database = await createTargetDatabase(runState().targetUrl, options);
      created.push(database);
      return database;
    });
    await Promise.all(created.map((database) => database.drop()));
  },
});

export { expect };
