import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';

/** apps/web/e2e-screenshots/: ignored by git, for people to look at after a run. */
const FOLDER = fileURLToPath(new URL('../../e2e-screenshots/', import.meta.url));

export const WIDTHS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

/** Writes `<name>-desktop.png` and `<name>-phone.png` of the page as it is, then restores its size. */
export async function captureScreenshots(page: Page, name: string): Promise<void> {
  await mkdir(FOLDER, { recursive: true });
  const original = page.viewportSize();
  for (const [width, size] of Object.entries(WIDTHS)) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${FOLDER}${name}-${width}.png`, fullPage: true });
  }
  if (original) await page.setViewportSize(original);
}
