import { wideDesign } from './packages/testing/src/fixtures/index.ts';
import { normalizeDesign } from './packages/schema-model/src/design/normalize.ts';
import { planCreate, renderStatement, joinStatements } from './packages/schema-model/src/ddl/index.ts';
import { quoteIdent } from './packages/schema-model/src/sql/quote.ts';
const d = normalizeDesign(wideDesign(1000, 20));
const names = d.tables.flatMap(t => t.columns.map(c => c.name));
function time(label: string, fn: () => unknown) {
  for (let i = 0; i < 50; i++) fn();
  const t = performance.now();
  for (let i = 0; i < 20; i++) fn();
  console.log(label, ((performance.now() - t) / 20).toFixed(2));
}
time('plan', () => planCreate(d));
const plan = planCreate(d);
time('render', () => plan.map(renderStatement));
const st = plan.map(renderStatement);
time('join', () => joinStatements(st));
time('quoteIdent x20k', () => names.map(quoteIdent));
time('template x20k', () => names.map(n => `"${n}"`));
