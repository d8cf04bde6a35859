import { runDesignBench } from './design-bench.ts';
import { runHttpBench } from './http-bench.ts';

console.log(`# schema-builder benchmarks (node ${process.version}, ${new Date().toISOString()})`);
runDesignBench();
await runHttpBench();
