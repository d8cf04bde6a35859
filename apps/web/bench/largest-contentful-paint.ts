import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../e2e/support/browser.ts';

export interface PaintTimes {
  /** Navigation start → largest contentful paint, ms, one a visit. */
  samples: number[];
}

/**
 * Loads the dashboard `runs` times in a headless Chromium signed in as the given account (a
 * real browser session), and reads each visit's largest contentful paint (PerformanceObserver,
 * `largest-contentful-paint`, relative to navigation start) once its counts are on screen.
 */
export async function dashboardPaint(
  baseUrl: string,
  account: { email: string; password: string },
  runs: number,
): Promise<PaintTimes> {
  const executablePath = chromiumExecutable();
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 } });
    const signIn = await context.request.post('/api/v1/auth/browser/sign-in', {
      data: account,
      headers: { origin: baseUrl },
    });
    if (signIn.status() !== 200) throw new Error(`browser sign-in failed: ${await signIn.text()}`);
    const samples: number[] = [];
    // One visit first, not measured: the browser's HTTP cache holds the app as for a returning user.
    for (let run = 0; run <= runs; run++) {
      const page = await context.newPage();
      await page.goto('/');
      await page.getByText(/^Designs: \d+$/).waitFor();
      const lcp = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            // Two frames: the counts are painted, so their paint is among the entries.
            requestAnimationFrame(() =>
              requestAnimationFrame(() =>
                new PerformanceObserver((list) => {
                  const entries = list.getEntries();
                  resolve(entries[entries.length - 1]?.startTime ?? Number.NaN);
                }).observe({ type: 'largest-contentful-paint', buffered: true }),
              ),
            );
          }),
      );
      if (run > 0) samples.push(lcp);
      await page.close();
    }
    return { samples };
  } finally {
    await browser.close();
  }
}
