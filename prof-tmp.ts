import { wideDesign } from './packages/testing/src/fixtures/index.ts';
import { normalizeDesign } from './packages/schema-model/src/design/normalize.ts';
import { generateDdl, planCreate } from './packages/schema-model/src/ddl/index.ts';
import { renderStatement } from './packages/schema-model/src/ddl/postgres/render.ts';
const d = normalizeDesign(wideDesign(1000, 20));
for (let i = 0; i < 20; i++) {
  let t = performance.now();
  const plan = planCreate(d);
  const t1 = performance.now() - t; t = performance.now();
  plan.map(renderStatement);
  const t2 = performance.now() - t; t = performance.now();
  generateDdl(d);
  console.log(t1.toFixed(1), t2.toFixed(1), (performance.now() - t).toFixed(1));
}
