import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../e2e/support/browser.ts';
import { startStack } from '../e2e/support/stack.ts';
import { createTargetDatabase, startTargetServer } from '../e2e/support/target-server.ts';

/**
 * The database browser's figures (issue 14), printed, never asserted: how long a 2,000-table
 * database takes to show its first tables, and the frame times while its tree scrolls. Runs against
 * a stack started as the browser tests start it (e2e/support), in headless Chromium; needs the
 * built app (`vite build`). `pnpm bench:browser` runs it; another bench may call benchBrowser().
 */
const TABLES = 2_000;
const LOAD_RUNS = 5;
/** Pixels scrolled per frame: the whole list (64,000 px) in about five seconds at 60 frames/s. */
const SCROLL_STEP = 200;

export interface BrowserFigures {
  tables: number;
  /** Navigation start to the first table row in the tree, first (cold) load, then the median of the rest. */
  firstRowsColdMs: number;
  firstRowsWarmMedianMs: number;
  /** Navigation start to every table listed (the tree's pages all arrived), median. */
  allRowsMedianMs: number;
  frames: { count: number; medianMs: number; p95Ms: number; maxMs: number; over50Ms: number };
}

export async function benchBrowser(): Promise<BrowserFigures> {
  const target = await startTargetServer();
  const stack = await startStack();
  const database = await createTargetDatabase(target.url, {
    prefix: 'sbbench',
    setup: `DO $$ BEGIN FOR i IN 1..${TABLES} LOOP
      EXECUTE format('CREATE TABLE %I (id int PRIMARY KEY, label text)', 't' || lpad(i::text, 4, '0'));
    END LOOP; END $$;`,
  });
  const executablePath = chromiumExecutable();
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: CHROMIUM_ARGS,
  });
  try {
    const token = await signUp(stack.baseUrl);
    const connectionId = await saveAndSync(stack.baseUrl, token, database);
    const context = await browser.newContext({
      baseURL: stack.baseUrl,
      viewport: { width: 1280, height: 800 },
      extraHTTPHeaders: { authorization: `Bearer ${token}` },
    });
    await context.addInitScript({ content: watchTree('t0001', `${TABLES + 2} rows shown`) });
    const page = await context.newPage();
    const firstRows: number[] = [];
    const allRows: number[] = [];
    for (let run = 0; run < LOAD_RUNS; run++) {
      await page.goto(`/browse?connection=${connectionId}`);
      const marks = await page.waitForFunction(
        () => {
          const w = window as unknown as { __tree?: { first?: number; all?: number } };
          return w.__tree?.first !== undefined && w.__tree.all !== undefined ? w.__tree : undefined;
        },
        undefined,
        { timeout: 120_000 },
      );
      const { first, all } = (await marks.jsonValue()) as { first: number; all: number };
      firstRows.push(first);
      allRows.push(all);
    }
    const frames = await scrollFrames(page);
    await context.close();
    const [cold = Number.NaN, ...warm] = firstRows;
    return {
      tables: TABLES,
      firstRowsColdMs: round(cold),
      firstRowsWarmMedianMs: round(percentile(warm, 50)),
      allRowsMedianMs: round(percentile(allRows, 50)),
      frames: {
        count: frames.length,
        medianMs: round(percentile(frames, 50)),
        p95Ms: round(percentile(frames, 95)),
        maxMs: round(Math.max(...frames)),
        over50Ms: frames.filter((frame) => frame > 50).length,
      },
    };
  } finally {
    await browser.close();
    await database.drop();
    await stack.stop();
    await target.stop();
  }
}

// The two scripts below run in the page. They are strings, not functions: tsx compiles functions
// with helpers (`__name`) that do not exist there.

/** Before the page's scripts: notes (ms since navigation start) when the tree shows what we wait for. */
const watchTree = (first: string, all: string) => `
  const marks = {};
  window.__tree = marks;
  const check = () => {
    if (marks.first === undefined) {
      for (const row of document.querySelectorAll('[role="treeitem"]')) {
        if (row.textContent === ${JSON.stringify(first)}) marks.first = performance.now();
      }
    }
    if (marks.all === undefined && document.body && document.body.textContent.includes(${JSON.stringify(all)})) {
      marks.all = performance.now();
    }
    if (marks.first === undefined || marks.all === undefined) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
`;

/** Scrolls the tree top to bottom, one step a frame, and answers each frame's duration. */
const scrollTree = (step: number) => `
  new Promise((resolve) => {
    const tree = document.querySelector('[role="tree"]');
    tree.scrollTop = 0;
    const deltas = [];
    let last = performance.now();
    const frame = (now) => {
      deltas.push(now - last);
      last = now;
      if (tree.scrollTop + tree.clientHeight >= tree.scrollHeight - 1) return resolve(deltas.slice(1));
      tree.scrollTop += ${step};
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  })
`;

async function scrollFrames(page: Page): Promise<number[]> {
  return (await page.evaluate(scrollTree(SCROLL_STEP))) as number[];
}

async function signUp(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: `bench-${Date.now()}@example.com`,
      password: 'correct horse battery staple',
    }),
  });
  if (response.status !== 201) throw new Error(`sign-up: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

async function saveAndSync(
  baseUrl: string,
  token: string,
  database: { name: string; host: string; port: number; user: string },
): Promise<string> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const saved = await fetch(`${baseUrl}/api/v1/connections`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      name: 'bench',
      type: 'postgresql',
      host: database.host,
      port: database.port,
      database: database.name,
      username: database.user,
      sslMode: 'disable',
    }),
  });
  if (saved.status !== 201) throw new Error(`connection: ${saved.status} ${await saved.text()}`);
  const { id } = (await saved.json()) as { id: string };
  const synced = await fetch(`${baseUrl}/api/v1/connections/${id}/sync`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  if (synced.status !== 200) throw new Error(`sync: ${synced.status} ${await synced.text()}`);
  return id;
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const round = (value: number) => Math.round(value * 10) / 10;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = await benchBrowser();
  console.log(`Database browser, ${figures.tables} tables, headless Chromium at 1280×800:`);
  console.log(
    `  navigation → first tables shown: ${figures.firstRowsColdMs} ms cold, ${figures.firstRowsWarmMedianMs} ms warm (median of ${LOAD_RUNS - 1})`,
  );
  console.log(
    `  navigation → all ${figures.tables} tables listed: ${figures.allRowsMedianMs} ms (median of ${LOAD_RUNS})`,
  );
  const { frames } = figures;
  console.log(
    `  scrolling top to bottom (${SCROLL_STEP} px a frame): ${frames.count} frames, median ${frames.medianMs} ms, p95 ${frames.p95Ms} ms, max ${frames.maxMs} ms, ${frames.over50Ms} over 50 ms`,
  );
}
