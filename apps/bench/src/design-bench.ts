import { generateDdl } from '@schema-builder/schema-model/ddl';
import { DesignDocumentSchema, normalizeDesign } from '@schema-builder/schema-model/design';
import { validateDesign } from '@schema-builder/schema-model/validation';
import { wideDesign } from '@schema-builder/testing/fixtures';
import { median, ms, time, timeAlternately } from './stats.ts';

const TARGET_MS = 100;

/**
 * The 1,000-table validate + DDL figure before issue 16's richer model (schemas, checks,
 * generated columns, views, richer indexes and types), measured on main with this bench: its
 * median total over the JSON baseline of the same run (53.5–57.5 ms, baseline 12.6–13.0 ms, three
 * runs; docs/benchmarks.md). A ratio travels between machines; milliseconds do not. The model
 * may not make it slower by more than a quarter.
 */
const BEFORE_RICHER_MODEL = { ratio: 4.3, limit: 1.25 } as const;

/**
 * Validation and DDL generation for designs of 10, 100 and 1,000 tables × 20 columns. The
 * baseline is a JSON round trip of the same document: the least any processing of it costs.
 */
export function runDesignBench(): void {
  console.log('\n## Validation and DDL generation (medians)');
  console.log(
    '| tables | JSON round trip (baseline) | shape (zod) | rules | normalize + DDL | total | total / baseline | target |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  let thousand = Number.NaN;
  for (const tables of [10, 100, 1000]) {
    const input = wideDesign(tables, 20);
    const runs = tables >= 1000 ? 15 : 40;
    const document = DesignDocumentSchema.parse(input);
    const shape = median(time(() => DesignDocumentSchema.parse(input), runs));
    const rules = median(time(() => validateDesign(document), runs));
    const ddl = median(time(() => generateDdl(normalizeDesign(document)), runs));
    // The baseline and the total alternate, so that the machine's other load falls on both alike.
    const [baselineRuns, totalRuns] = timeAlternately(
      () => JSON.parse(JSON.stringify(input)),
      () => {
        const parsed = DesignDocumentSchema.parse(input);
        if (!validateDesign(parsed).valid) throw new Error('bench design must be valid');
        return generateDdl(normalizeDesign(parsed));
      },
      runs,
    );
    const baseline = median(baselineRuns);
    const total = median(totalRuns);
    const verdict =
      tables === 1000 ? (total < TARGET_MS ? `< ${TARGET_MS} ms: met` : `< ${TARGET_MS} ms: MISSED`) : '';
    console.log(
      `| ${tables} | ${ms(baseline)} | ${ms(shape)} | ${ms(rules)} | ${ms(ddl)} | ${ms(total)} | ${(total / baseline).toFixed(1)}× | ${verdict} |`,
    );
    if (tables === 1000) thousand = total / baseline;
  }
  const { ratio, limit } = BEFORE_RICHER_MODEL;
  const change = thousand / ratio;
  console.log(
    `1,000 tables, validate + DDL: ${thousand.toFixed(1)}× the JSON baseline; before the richer model ${ratio}×: now / before ${change.toFixed(2)} (limit ${limit}: ${change <= limit ? 'met' : 'MISSED'})`,
  );
}
