import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { webTestEnv } from './env.ts';

/** Debian's package first (Playwright's download is not reachable on these machines), then others. */
const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * The Chromium the browser tests drive: CHROMIUM_PATH, a system Chromium, or the one
 * `npx playwright install chromium` downloaded. None: the run fails, saying how to get one —
 * it never passes without a browser.
 */
export function chromiumExecutable(): string | undefined {
  const candidates = [webTestEnv.CHROMIUM_PATH, ...SYSTEM_CHROMIUMS].filter(
    (path): path is string => typeof path === 'string',
  );
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  // Playwright's own download, where it was installed; undefined lets Playwright use it.
  if (existsSync(chromium.executablePath())) return undefined;
  throw new Error(
    'No Chromium for the browser tests. Install one: `apt-get install -y chromium` (Debian), ' +
      'or `npx playwright install chromium`, or set CHROMIUM_PATH to a Chromium executable.',
  );
}

/**
 * Flags for a headless Chromium in a sandboxed CI container with no outside network: without
 * the background-networking ones it tries Google's hosts at every start.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
