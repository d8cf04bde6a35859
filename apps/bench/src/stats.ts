/** Median and a percentile of a sample, and a timing helper. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export const median = (values: readonly number[]) => percentile(values, 50);

/** Runs `fn` `runs` times after `warmup` untimed runs; returns the durations in ms. */
export function time(fn: () => unknown, runs: number, warmup = 3): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    durations.push(performance.now() - start);
  }
  return durations;
}

export const ms = (value: number) => `${value.toFixed(2)} ms`;

/**
 * Runs `a` and `b` alternately `runs` times each (after `warmup` untimed pairs), so that load
 * from other processes falls on both alike; returns each one's durations in ms.
 */
export function timeAlternately(
  a: () => unknown,
  b: () => unknown,
  runs: number,
  warmup = 3,
): [number[], number[]] {
  for (let i = 0; i < warmup; i++) {
    a();
    b();
  }
  const durations: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++)
    [a, b].forEach((fn, which) => {
      const start = performance.now();
      fn();
      durations[which]?.push(performance.now() - start);
    });
  return durations;
}
