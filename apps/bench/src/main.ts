import { runCorpusBench } from './corpus-bench.ts';
import { runDesignBench } from './design-bench.ts';
import { benchEnv } from './env.ts';
import { runHttpBench } from './http-bench.ts';
import { runProvisioningBench } from './provisioning-bench.ts';

console.log(`# schema-builder benchmarks (node ${process.version}, ${new Date().toISOString()})`);
console.log(
  `CPU calibration: ${calibrate().toFixed(0)} ms for 10^7 iterations of an empty loop (a current laptop: ~5–10 ms)`,
);
const only = benchEnv.BENCH_ONLY;
if (only === undefined || only === 'design') runDesignBench();
if (only === undefined || only === 'corpus') await runCorpusBench();
if (only === undefined || only === 'http') await runHttpBench();
if (only === undefined || only === 'provisioning') await runProvisioningBench();

/** How fast this machine is, so absolute figures can be read against others' machines. */
function calibrate(): number {
  const start = performance.now();
  let sum = 0;
  for (let i = 0; i < 10_000_000; i++) sum += i;
  if (sum < 0) console.log(sum);
  return performance.now() - start;
}
