import type { Locator, Page } from '@playwright/test';
import { freePort } from '@schema-builder/testing/free-port';
import { expectAccessible } from './support/accessibility.ts';
import { expect, test } from './support/fixtures.ts';
import { captureScreenshots } from './support/screenshots.ts';

const NO_ANSWER = 'No database answered at that address and port in time.';
const NOT_ALLOWED =
  'Connections to local, private or internal addresses are not allowed here (the operator can allow one with CONNECTIONS_ALLOWED_HOSTS).';

async function openNewConnection(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Add connection' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New connection' });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function fillFields(
  dialog: Locator,
  fields: {
    name?: string;
    host: string;
    port?: number;
    database?: string;
    username?: string;
    password?: string;
  },
): Promise<void> {
  if (fields.name !== undefined) await dialog.getByLabel('Name', { exact: true }).fill(fields.name);
  await dialog.getByLabel('Host').fill(fields.host);
  await dialog.getByLabel('Port').fill(fields.port === undefined ? '' : String(fields.port));
  await dialog.getByLabel('Database', { exact: true }).fill(fields.database ?? '');
  await dialog.getByLabel('Username').fill(fields.username ?? '');
  await dialog.getByLabel('Password').fill(fields.password ?? '');
}

test("a connection to the machine's PostgreSQL is added, tested, edited, switched off and deleted", async ({
  signedIn: page,
  targetDatabase,
}) => {
  const db = await targetDatabase({ prefix: 'sbconn' });
  await page.goto('/connections');
  await expect(page.getByText('No connections yet')).toBeVisible();
  await expectAccessible(page);

  const dialog = await openNewConnection(page);
  await fillFields(dialog, {
    name: 'local pg',
    host: db.host,
    port: db.port,
    database: db.name,
    username: db.user,
    password: db.password,
  });
  await dialog.getByLabel('Colour').fill('#16a34a');
  await dialog.getByRole('button', { name: 'Test' }).click();
  await expect(dialog.getByRole('status')).toHaveText(/Connected in \d+ ms/);
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Save connection' }).click();
  await expect(dialog).toBeHidden();

  const card = page.getByRole('article', { name: 'local pg' });
  await expect(card).toContainText('PostgreSQL');
  await expect(card).toContainText(`${db.host}:${db.port}/${db.name}`);
  await expect(card.getByRole('status')).toHaveText('Not tested yet');
  await card.getByRole('button', { name: 'Test' }).click();
  await expect(card.getByRole('status')).toHaveText(/Connected in \d+ ms/);
  await expectAccessible(page);
  await captureScreenshots(page, 'connections');
  // The latency is stored with the result: a reload still shows it, not just "Connected".
  await page.reload();
  await expect(page.getByRole('article', { name: 'local pg' }).getByRole('status')).toHaveText(
    /Connected in \d+ ms/,
  );

  // Editing never shows the password; a blank one keeps it.
  await card.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit local pg' });
  await expect(edit.getByLabel('Password')).toHaveValue('');
  await expect(edit.getByLabel('Host')).toHaveValue(db.host);
  await edit.getByRole('button', { name: 'Test' }).click();
  await expect(edit.getByRole('status')).toHaveText(/Connected in \d+ ms/);
  await edit.getByLabel('Name', { exact: true }).fill('local pg (renamed)');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  const renamed = page.getByRole('article', { name: 'local pg (renamed)' });
  await renamed.getByRole('button', { name: 'Test' }).click();
  await expect(renamed.getByRole('status')).toHaveText(/Connected in \d+ ms/);

  const active = renamed.getByRole('switch', { name: 'Active' });
  await expect(active).toBeChecked();
  await active.click();
  await expect(active).not.toBeChecked();
  await page.reload();
  await expect(
    page.getByRole('article', { name: 'local pg (renamed)' }).getByRole('switch'),
  ).not.toBeChecked();

  await page
    .getByRole('article', { name: 'local pg (renamed)' })
    .getByRole('button', { name: 'Delete' })
    .click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete local pg (renamed)?' });
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'Delete connection' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('article')).toHaveCount(0);
  await expect(page.getByText('No connections yet')).toBeVisible();
});

test('bad input is told at its field: a taken name, an unreachable port, a refused host, a broken string', async ({
  signedIn: page,
  account,
}) => {
  const taken = await page.request.post('/api/v1/connections', {
    headers: { authorization: `Bearer ${account.token}` },
    data: { name: 'taken', type: 'mysql', host: '127.0.0.1' },
  });
  expect(taken.status()).toBe(201);
  await page.goto('/connections');
  await expect(page.getByRole('article', { name: 'taken' })).toBeVisible();
  const dialog = await openNewConnection(page);

  await fillFields(dialog, { name: 'taken', host: '127.0.0.1', port: 99_999 });
  await dialog.getByRole('button', { name: 'Save connection' }).click();
  await expect(dialog.getByLabel('Port')).toHaveAccessibleDescription(/65535/);

  await dialog.getByLabel('Port').fill('');
  await dialog.getByRole('button', { name: 'Save connection' }).click();
  await expect(dialog.getByLabel('Name', { exact: true })).toHaveAccessibleDescription(
    'Choose another name.',
  );
  await expectAccessible(page);

  // A closed port on this machine: the test says so, nothing is saved.
  await fillFields(dialog, { name: 'nobody home', host: '127.0.0.1', port: await freePort() });
  await dialog.getByRole('button', { name: 'Test' }).click();
  await expect(dialog.getByRole('status')).toHaveText(NO_ANSWER);

  for (const host of ['169.254.169.254', '10.1.2.3']) {
    await fillFields(dialog, { host });
    await dialog.getByRole('button', { name: 'Test' }).click();
    await expect(dialog.getByLabel('Host')).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByLabel('Host')).toHaveAccessibleDescription(NOT_ALLOWED);
  }
  await expectAccessible(page);

  await dialog.getByRole('tab', { name: 'Connection string' }).click();
  await dialog.getByRole('textbox', { name: 'Connection string' }).fill('not a url');
  await dialog.getByRole('button', { name: 'Save connection' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Connection string' })).toHaveAccessibleDescription(
    /must be a URL/,
  );
  await dialog
    .getByRole('textbox', { name: 'Connection string' })
    .fill('postgres://app@127.0.0.1:5432/db?sslkey=/etc/key.pem');
  await dialog.getByRole('button', { name: 'Test' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Connection string' })).toHaveAccessibleDescription(
    /sslkey/,
  );

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('article')).toHaveCount(1);
});

test('a SQLite connection takes a file path, and MongoDB a host, with no TLS options', async ({
  signedIn: page,
}) => {
  await page.goto('/connections');
  const dialog = await openNewConnection(page);
  await expect(dialog.getByRole('group', { name: 'TLS' })).toBeVisible();
  await dialog.getByLabel('Type').click();
  await page.getByRole('option', { name: 'SQLite' }).click();
  await expect(dialog.getByLabel('Host')).toHaveCount(0);
  await expect(dialog.getByRole('group', { name: 'TLS' })).toHaveCount(0);
  await dialog.getByLabel('Name', { exact: true }).fill('shop file');
  await dialog.getByLabel('File path').fill('shop.db');
  await dialog.getByRole('button', { name: 'Save connection' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('article', { name: 'shop file' })).toContainText('SQLite');

  const mongo = await openNewConnection(page);
  await mongo.getByLabel('Type').click();
  await page.getByRole('option', { name: 'MongoDB' }).click();
  await expect(mongo.getByLabel('Port')).toHaveAttribute('placeholder', '27017');
  await expect(mongo.getByRole('group', { name: 'TLS' })).toHaveCount(0);
  await mongo.getByLabel('Name', { exact: true }).fill('docs');
  await mongo.getByLabel('Host').fill('127.0.0.1');
  await mongo.getByRole('button', { name: 'Save connection' }).click();
  await expect(page.getByRole('article', { name: 'docs' })).toContainText('MongoDB');
});
