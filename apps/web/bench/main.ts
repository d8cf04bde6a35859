import { fileURLToPath } from 'node:url';
import { startStack } from '../e2e/support/stack.ts';
import { routeWeight } from './bundle-size.ts';
import { dashboardPaint } from './largest-contentful-paint.ts';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const SIGN_IN_ROUTE = 'src/pages/auth/SignInPage.tsx';
const TARGET_KB = 150;
const RUNS = 10;

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

console.log('# web app (apps/web/dist, built by `pnpm bench:web`)');

const weight = await routeWeight(DIST, SIGN_IN_ROUTE);
console.log(
  `JavaScript for the sign-in route, gzipped: ${kB(weight.gzipBytes)} (target ≤ ${TARGET_KB} kB) — ${weight.files
    .map((file) => `${file.file} ${kB(file.gzipBytes)}`)
    .join(', ')}`,
);
if (weight.deferred.length > 0)
  console.log(
    `  fetched on the form's first focus, not counted: ${kB(weight.deferred.reduce((sum, file) => sum + file.gzipBytes, 0))} — ${weight.deferred
      .map((file) => `${file.file} ${kB(file.gzipBytes)}`)
      .join(', ')}`,
  );

const stack = await startStack();
try {
  const account = { email: `bench-${Date.now()}@example.com`, password: 'correct horse battery staple' };
  const signUp = await fetch(`${stack.baseUrl}/api/v1/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...account, name: 'Bench' }),
  });
  if (signUp.status !== 201) throw new Error(`sign-up failed: ${await signUp.text()}`);
  const { token } = (await signUp.json()) as { token: string };
  // Something to show: a few designs and connections, as a user a week in would have.
  for (let i = 1; i <= 5; i++) {
    for (const [path, body] of [
      ['schemas', { name: `design ${i}`, tables: [] }],
      [
        'connections',
        {
          name: `connection ${i}`,
          type: 'postgresql',
          host: '127.0.0.1',
          port: 5432,
          database: 'shop',
          username: 'ada',
        },
      ],
    ] as const) {
      const created = await fetch(`${stack.baseUrl}/api/v1/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      if (created.status !== 201) throw new Error(`creating ${path} failed: ${await created.text()}`);
    }
  }
  const { samples } = await dashboardPaint(stack.baseUrl, account, RUNS);
  console.log(
    `Dashboard, navigation start → largest contentful paint (headless Chromium, warm cache, median of ${RUNS}): ${median(samples).toFixed(0)} ms (min ${Math.min(...samples).toFixed(0)}, max ${Math.max(...samples).toFixed(0)})`,
  );
} finally {
  await stack.stop();
}
