import { wideDesign } from './packages/testing/src/fixtures/index.ts';
import { normalizeDesign } from './packages/schema-model/src/design/normalize.ts';
import { planCreate } from './packages/schema-model/src/ddl/index.ts';
const d = normalizeDesign(wideDesign(1000, 20));
for (let i = 0; i < 300; i++) planCreate(d);
