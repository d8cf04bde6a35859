import { wideDesign } from './packages/testing/src/fixtures/index.ts';
import { normalizeDesign } from './packages/schema-model/src/design/normalize.ts';
import { planCreate, renderStatement } from './packages/schema-model/src/ddl/index.ts';
const d = normalizeDesign(wideDesign(1000, 20));
const plan = planCreate(d);
for (let i = 0; i < 300; i++) plan.map(renderStatement);
