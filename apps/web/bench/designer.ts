import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../e2e/support/browser.ts';
import { startStack } from '../e2e/support/stack.ts';

/**
 * The designer's figures (issue 15), printed, never asserted: how long designs of 100, 300 and
 * 1,000 tables take to open (data fetched → first table drawn on the canvas and the outline
 * ready), the frame times while a table is dragged in a 100-table design, and how long an edit
 * takes to be validated and turned into DDL in the page, at 100 and 1,000 tables. Runs in headless
 * Chromium against a stack started as the browser tests start it (e2e/support); needs the built
 * app (`vite build`). `pnpm bench:designer` runs it.
 */
const OPEN_SIZES = [100, 300, 1_000];
const OPEN_RUNS = 5;
const EDIT_SIZES = [100, 1_000];
const EDIT_RUNS = 10;
const DRAG_TABLES = 100;
/** Pointer moves while dragging; each is one round trip to the browser, so several frames' worth. */
const DRAG_MOVES = 150;

interface Frames {
  count: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  over50Ms: number;
}

export interface DesignerFigures {
  open: { tables: number; firstLoadMs: number; medianMs: number }[];
  drag: { tables: number; frames: Frames };
  edit: { tables: number; toNextFrameMedianMs: number; toCheckedMedianMs: number; toCheckedP95Ms: number }[];
}

/** A design of `count` tables of six columns, each but the first referencing an earlier table. */
export function generatedDesign(count: number) {
  const name = (n: number) => `t${String(n).padStart(4, '0')}`;
  const tables = Array.from({ length: count }, (_, n) => ({
    id: name(n),
    name: name(n),
    position: { x: (n % 25) * 320, y: Math.floor(n / 25) * 260 },
    columns: [
      { id: 'id', name: 'id', dataType: 'BIGINT', primaryKey: true, autoIncrement: true },
      { id: 'parent_id', name: 'parent_id', dataType: 'BIGINT' },
      { id: 'label', name: 'label', dataType: 'VARCHAR', length: 200, nullable: false },
      { id: 'amount', name: 'amount', dataType: 'DECIMAL', precision: 12, scale: 2 },
      { id: 'created_at', name: 'created_at', dataType: 'TIMESTAMPTZ', nullable: false },
      { id: 'note', name: 'note', dataType: 'TEXT' },
    ],
  }));
  const foreignKeys = tables.slice(1).map((table, n) => ({
    id: `fk${n}`,
    sourceTableId: table.id,
    sourceColumnId: 'parent_id',
    targetTableId: name(Math.floor(n / 2)),
    targetColumnId: 'id',
  }));
  return { name: `bench-${count}`, tables, foreignKeys };
}

export async function benchDesigner(): Promise<DesignerFigures> {
  const stack = await startStack();
  const executablePath = chromiumExecutable();
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: CHROMIUM_ARGS,
  });
  try {
    const token = await signUp(stack.baseUrl);
    const ids = new Map<number, string>();
    for (const size of new Set([...OPEN_SIZES, ...EDIT_SIZES, DRAG_TABLES])) {
      ids.set(size, await createDesign(stack.baseUrl, token, generatedDesign(size)));
    }
    const context = await browser.newContext({
      baseURL: stack.baseUrl,
      viewport: { width: 1280, height: 800 },
      extraHTTPHeaders: { authorization: `Bearer ${token}` },
    });
    await context.addInitScript({ content: WATCH_OPEN });
    const page = await context.newPage();
    const open: DesignerFigures['open'] = [];
    for (const size of OPEN_SIZES) {
      const times: number[] = [];
      for (let run = 0; run < OPEN_RUNS; run++) times.push(await openTime(page, designOf(ids, size)));
      open.push({
        tables: size,
        firstLoadMs: round(times[0] ?? Number.NaN),
        medianMs: round(percentile(times, 50)),
      });
    }
    const drag = { tables: DRAG_TABLES, frames: summary(await dragFrames(page, designOf(ids, DRAG_TABLES))) };
    const edit: DesignerFigures['edit'] = [];
    for (const size of EDIT_SIZES)
      edit.push({ tables: size, ...(await editTimes(context, designOf(ids, size))) });
    await context.close();
    return { open, drag, edit };
  } finally {
    await browser.close();
    await stack.stop();
  }
}

function designOf(ids: Map<number, string>, size: number): string {
  const id = ids.get(size);
  if (!id) throw new Error(`no design of ${size} tables`);
  return id;
}

// The scripts below run in the page. They are strings, not functions: tsx compiles functions with
// helpers (`__name`) that do not exist there.

/** Before the page's scripts: notes (ms since navigation start) when the first table is drawn and the outline is ready. */
const WATCH_OPEN = `
  window.__opened = undefined;
  const check = () => {
    const node = document.querySelector('.react-flow__node[data-id="t0000"]');
    const outline = document.getElementById('outline-table-t0000');
    if (node && outline && getComputedStyle(node).visibility === 'visible') {
      window.__opened = performance.now();
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
`;

async function openTime(page: Page, designId: string): Promise<number> {
  await page.goto(`/designs/${designId}/edit`);
  const handle = await page.waitForFunction(() => (window as { __opened?: number }).__opened, undefined, {
    timeout: 120_000,
  });
  return (await handle.jsonValue()) as number;
}

/** Starts noting each frame's duration; `window.__stopFrames()` answers them. */
const RECORD_FRAMES = `
  (() => {
    const deltas = [];
    let last = performance.now();
    let running = true;
    const frame = (now) => {
      deltas.push(now - last);
      last = now;
      if (running) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    window.__stopFrames = () => { running = false; return deltas.slice(1); };
  })()
`;

async function dragFrames(page: Page, designId: string): Promise<number[]> {
  await page.goto(`/designs/${designId}/edit`);
  const node = page.locator('.react-flow__node[data-id="t0000"]');
  await node.waitFor({ state: 'visible', timeout: 120_000 });
  const box = await node.boundingBox();
  if (!box) throw new Error('the table is not on screen');
  const x = box.x + box.width / 2;
  const y = box.y + 10;
  await page.evaluate(RECORD_FRAMES);
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let move = 1; move <= DRAG_MOVES; move++) {
    // Round and back, so the table stays on screen.
    const angle = (move / DRAG_MOVES) * 2 * Math.PI;
    await page.mouse.move(x + 150 * Math.sin(angle), y + 100 * (1 - Math.cos(angle)));
  }
  await page.mouse.up();
  return (await page.evaluate('window.__stopFrames()')) as number[];
}

/**
 * Renames a table to the name of another (an error) and back, from a script in the page: the
 * time to the next frame (the edit shown) and to the Problems tab's count changing (the deferred
 * validation done), with the SQL tab open so that the DDL is generated in the same render.
 */
const EDIT_ONCE = `
  new Promise((resolve) => {
    const input = document.querySelector('#outline-table-t0001 input');
    const tab = [...document.querySelectorAll('[role="tab"]')].find((each) => each.textContent.startsWith('Problems'));
    const before = tab.textContent;
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const start = performance.now();
    setValue.call(input, input.value === 't0001' ? 't0000' : 't0001');
    input.dispatchEvent(new Event('input', { bubbles: true }));
    let nextFrame;
    const check = () => {
      const now = performance.now();
      if (nextFrame === undefined) nextFrame = now - start;
      if (tab.textContent !== before) return resolve({ nextFrame, checked: now - start });
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })
`;

async function editTimes(context: BrowserContext, designId: string) {
  const page = await context.newPage();
  await page.goto(`/designs/${designId}/edit`);
  await page.getByRole('textbox', { name: 'Name of table t0001' }).waitFor({ timeout: 120_000 });
  await page.getByRole('tab', { name: /^Problems \(\d+\)$/ }).waitFor({ timeout: 120_000 });
  await page.getByRole('tab', { name: 'SQL' }).click();
  const nextFrame: number[] = [];
  const checked: number[] = [];
  for (let run = 0; run < EDIT_RUNS * 2; run++) {
    const times = (await page.evaluate(EDIT_ONCE)) as { nextFrame: number; checked: number };
    nextFrame.push(times.nextFrame);
    checked.push(times.checked);
  }
  await page.close();
  return {
    toNextFrameMedianMs: round(percentile(nextFrame, 50)),
    toCheckedMedianMs: round(percentile(checked, 50)),
    toCheckedP95Ms: round(percentile(checked, 95)),
  };
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

async function createDesign(baseUrl: string, token: string, design: object): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/schemas`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(design),
  });
  if (response.status !== 201) throw new Error(`design: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

function summary(frames: readonly number[]): Frames {
  return {
    count: frames.length,
    medianMs: round(percentile(frames, 50)),
    p95Ms: round(percentile(frames, 95)),
    maxMs: round(Math.max(...frames)),
    over50Ms: frames.filter((frame) => frame > 50).length,
  };
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const round = (value: number) => Math.round(value * 10) / 10;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = await benchDesigner();
  console.log('Designer, headless Chromium at 1280×800:');
  for (const { tables, firstLoadMs, medianMs } of figures.open) {
    console.log(
      `  open ${tables} tables (navigation → first table drawn, outline ready): ${firstLoadMs} ms first, median ${medianMs} ms of ${OPEN_RUNS}`,
    );
  }
  const { frames } = figures.drag;
  console.log(
    `  dragging a table in ${figures.drag.tables} tables: ${frames.count} frames, median ${frames.medianMs} ms, p95 ${frames.p95Ms} ms, max ${frames.maxMs} ms, ${frames.over50Ms} over 50 ms`,
  );
  for (const { tables, toNextFrameMedianMs, toCheckedMedianMs, toCheckedP95Ms } of figures.edit) {
    console.log(
      `  an edit at ${tables} tables: next frame ${toNextFrameMedianMs} ms, validated + DDL shown ${toCheckedMedianMs} ms (median; p95 ${toCheckedP95Ms} ms) of ${EDIT_RUNS * 2}`,
    );
  }
}
