import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility.ts';
import { designsApi } from './support/designs.ts';
import { expect, test } from './support/fixtures.ts';
import { captureScreenshots } from './support/screenshots.ts';

/** A table `items` with three columns, and `tags`, which references it. */
function shopDesign(name: string) {
  return {
    name,
    tables: [
      {
        id: 't1',
        name: 'items',
        position: { x: 0, y: 0 },
        columns: [
          { id: 'c1', name: 'id', dataType: 'BIGINT', primaryKey: true },
          { id: 'c2', name: 'sku', dataType: 'TEXT', nullable: false },
          { id: 'c3', name: 'label', dataType: 'TEXT' },
        ],
      },
      {
        id: 't2',
        name: 'tags',
        position: { x: 400, y: 0 },
        columns: [
          { id: 'c4', name: 'item_id', dataType: 'BIGINT', nullable: false },
          { id: 'c5', name: 'tag', dataType: 'TEXT', nullable: false },
        ],
      },
    ],
    foreignKeys: [
      { id: 'f1', sourceTableId: 't2', sourceColumnId: 'c4', targetTableId: 't1', targetColumnId: 'c1' },
    ],
  };
}

const columnNames = (page: Page, table: string) =>
  page
    .getByRole('list', { name: `Columns of ${table}` })
    .getByRole('textbox', { name: /^Name of column / })
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));

async function sqlShown(page: Page): Promise<string> {
  await page.getByRole('tab', { name: 'SQL' }).click();
  return page.getByRole('textbox', { name: 'SQL for PostgreSQL' }).inputValue();
}

const saved = (page: Page) => expect(page.getByRole('status').filter({ hasText: 'All changes saved' }));

test('a column dragged onto another in the outline takes its place; the arrows still move it by keyboard', async ({
  signedIn: page,
  account,
}) => {
  const { id } = await designsApi(page, account).createDesign(shopDesign(`drag-${Date.now()}`));
  await page.goto(`/designs/${id}/edit`);
  await expect(page.getByRole('listitem', { name: 'Table items', exact: true })).toBeVisible();

  const items = page.getByRole('list', { name: 'Columns of items' });
  await items
    .getByRole('img', { name: 'Drag column label' })
    .dragTo(items.getByRole('listitem', { name: 'Column id' }));
  await expect.poll(() => columnNames(page, 'items')).toEqual(['label', 'id', 'sku']);

  await page.getByRole('button', { name: 'Move column label down' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => columnNames(page, 'items')).toEqual(['id', 'label', 'sku']);
  // A column never leaves its table by a drag.
  await page
    .getByRole('img', { name: 'Drag column tag' })
    .dragTo(items.getByRole('listitem', { name: 'Column sku' }));
  await expect.poll(() => columnNames(page, 'items')).toEqual(['id', 'label', 'sku']);
  await expect.poll(() => columnNames(page, 'tags')).toEqual(['item_id', 'tag']);
  await saved(page).toBeVisible();
  await expectAccessible(page);
  await captureScreenshots(page, 'designer-editing');
});

test('tables copied with Ctrl/Cmd+C are pasted with Ctrl/Cmd+V under free names, their keys with them', async ({
  signedIn: page,
  account,
}) => {
  const { id } = await designsApi(page, account).createDesign(shopDesign(`paste-${Date.now()}`));
  await page.goto(`/designs/${id}/edit`);
  // Focusing a table's own controls (not a text field) selects it.
  await page.getByRole('button', { name: 'Collapse table items' }).focus();
  await page.keyboard.press('ControlOrMeta+C');
  await page.keyboard.press('ControlOrMeta+V');
  await expect(page.getByRole('listitem', { name: 'Table items_2', exact: true })).toBeVisible();
  await expect.poll(() => columnNames(page, 'items_2')).toEqual(['id', 'sku', 'label']);
  // Typing in a text field keeps the clipboard shortcuts for the text. The browser's clipboard is
  // shared by the tests (another one copies a connection string): empty it first.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate(() => navigator.clipboard.writeText(''));
  const tagsName = page.getByRole('textbox', { name: 'Name of table tags' });
  await tagsName.focus();
  await page.keyboard.press('ControlOrMeta+V');
  await expect(page.getByRole('listitem', { name: /^Table items_3/ })).toHaveCount(0);
  await expect(tagsName).toHaveValue('tags');
  await saved(page).toBeVisible();
  await expectAccessible(page);
});

test('two columns marked as primary key make one composite key in the SQL', async ({
  signedIn: page,
  account,
}) => {
  const { id } = await designsApi(page, account).createDesign(shopDesign(`pk-${Date.now()}`));
  await page.goto(`/designs/${id}/edit`);
  for (const name of ['item_id', 'tag']) {
    await page.getByRole('button', { name: `Edit column ${name}` }).click();
    await page
      .getByRole('listitem', { name: `Column ${name}` })
      .getByRole('checkbox', { name: 'Primary key' })
      .check();
  }
  await expect(page.getByRole('tab', { name: 'Problems (0)' })).toBeVisible();
  const sql = await sqlShown(page);
  expect(sql).toMatch(/CREATE TABLE "tags" \([^;]*PRIMARY KEY \("item_id", "tag"\)/);
  await saved(page).toBeVisible();
  await expectAccessible(page);
});

test('a unique index on two columns is made in the outline and is in the SQL', async ({
  signedIn: page,
  account,
}) => {
  const { id } = await designsApi(page, account).createDesign(shopDesign(`index-${Date.now()}`));
  await page.goto(`/designs/${id}/edit`);
  const indexes = page.getByRole('region', { name: 'Indexes of items' });
  await indexes.getByRole('checkbox', { name: 'sku' }).check();
  await indexes.getByRole('checkbox', { name: 'label' }).check();
  await indexes.getByRole('checkbox', { name: 'Unique index' }).check();
  await indexes.getByRole('button', { name: 'Add index' }).click();
  await expect(indexes.getByText('(sku, label) unique')).toBeVisible();
  await expect(indexes.getByRole('textbox', { name: 'Index name' })).toHaveValue('items_sku_label_key');
  const sql = await sqlShown(page);
  expect(sql).toContain('CREATE UNIQUE INDEX "items_sku_label_key" ON "items" ("sku", "label");');
  await saved(page).toBeVisible();
  await expectAccessible(page);
});

test('the diagram is exported as a PNG and as an SVG, whole or the visible part', async ({
  signedIn: page,
  account,
}) => {
  const { id } = await designsApi(page, account).createDesign(shopDesign(`picture-${Date.now()}`));
  await page.goto(`/designs/${id}/edit`);
  const canvas = page.getByRole('region', { name: 'Canvas' });
  await expect(canvas.getByText('items', { exact: true })).toBeVisible();

  for (const area of ['the whole design', 'the visible part']) {
    await page.getByRole('combobox', { name: 'Picture of' }).selectOption({ label: area });
    const png = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export PNG' }).click();
    const pngFile = await png;
    expect(pngFile.suggestedFilename()).toMatch(/^picture-\d+\.png$/);
    const pngBytes = await readFile(await pngFile.path());
    expect([...pngBytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

    const svg = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export SVG' }).click();
    const svgFile = await svg;
    expect(svgFile.suggestedFilename()).toMatch(/^picture-\d+\.svg$/);
    const svgText = await readFile(await svgFile.path(), 'utf8');
    expect(svgText.trimStart()).toMatch(/^<svg/);
    expect(svgText).toContain('items');
  }
  await expectAccessible(page);
});

test('a large design starts folded and its outline is filtered by name', async ({
  signedIn: page,
  account,
}) => {
  const tables = Array.from({ length: 120 }, (_, n) => ({
    id: `t${n}`,
    name: `table_${String(n).padStart(3, '0')}`,
    position: { x: (n % 12) * 320, y: Math.floor(n / 12) * 200 },
    // One column with a warning (a length on BIGINT), for the problems panel.
    columns: [
      { id: `c${n}`, name: 'id', dataType: 'BIGINT', primaryKey: true, ...(n === 5 ? { length: 10 } : {}) },
    ],
  }));
  const { id } = await designsApi(page, account).createDesign({ name: `large-${Date.now()}`, tables });
  await page.goto(`/designs/${id}/edit`);
  await expect(page.getByRole('button', { name: 'Expand table table_000' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Columns of table_000' })).toHaveCount(0);
  // A problem of a column in a folded table leads to its table.
  await page
    .getByRole('list', { name: 'Problems' })
    .getByRole('button', { name: /BIGINT/ })
    .click();
  await expect(page.getByRole('listitem', { name: 'Table table_005', exact: true })).toBeFocused();
  await page.getByRole('searchbox', { name: 'Filter tables' }).fill('table_11');
  await expect(page.getByRole('list', { name: 'Tables' }).getByRole('listitem')).toHaveCount(10);
  await page.getByRole('button', { name: 'Expand table table_117' }).click();
  await expect(page.getByRole('textbox', { name: 'Name of column id in table_117' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Filter tables' }).fill('no such table');
  await expect(page.getByText('No table’s name contains')).toBeVisible();
  await expectAccessible(page);
});
