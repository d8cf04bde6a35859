import { wideDesign } from './packages/testing/src/fixtures/index.ts';
import { normalizeDesign } from './packages/schema-model/src/design/normalize.ts';
import { generateDdl } from './packages/schema-model/src/ddl/index.ts';
const d = normalizeDesign(wideDesign(1000, 20));
for (let i = 0; i < 200; i++) generateDdl(d);
const t = performance.now();
for (let i = 0; i < 20; i++) generateDdl(d);
console.log((performance.now() - t) / 20);
