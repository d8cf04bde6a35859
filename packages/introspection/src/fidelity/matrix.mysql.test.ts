import type { SqlDialect } from '@schema-builder/schema-model/ddl';
import { SQL_DIALECTS } from '@schema-builder/schema-model/ddl';
import { validateDesign } from '@schema-builder/schema-model/validation';
import { testEnv } from '@schema-builder/testing/env';
import { afterAll, describe, expect, test } from 'vitest';
import { corpusPresent, skipNotice } from './corpus.test-support.ts';
import type { CorpusSource, LiveImport } from './engines.test-support.ts';
import { corpusSources, importSource, unloadableSets } from './engines.test-support.ts';
import type { KnownSilentLoss } from './known-silent-losses.test-support.ts';
import { KNOWN_SILENT_LOSSES } from './known-silent-losses.test-support.ts';
import { mariadbUnavailable } from './load-mysql.test-support.ts';
import type { SilentLoss } from './matrix-cell.test-support.ts';
import { measureCell } from './matrix-cell.test-support.ts';
import type { MatrixRow } from './matrix-report.test-support.ts';
import { cellFigures, formatMatrix, writeMatrixReport } from './matrix-report.test-support.ts';

/**
 * Issue 16's proof: the corpus matrix, source engine (PostgreSQL 15, MariaDB, SQLite) × target
 * dialect (postgresql, mysql, sqlite). Every corpus set is loaded on its real engine and read by
 * the live import as a design; the design is exported to each dialect, the export run on that
 * dialect's real engine, read back by the live import and compared (see `measureCell`). Every
 * export must run, and every difference must be named by a warning at its path: a difference no
 * warning names is a silent loss and fails, unless `KNOWN_SILENT_LOSSES` lists it. Prints the
 * matrix and writes it to `fidelity-report/matrix.json`. `pnpm fidelity` runs this file alone.
 */
const unavailable = corpusPresent ? await mariadbUnavailable(testEnv.MARIADB_URL) : 'no corpus';
if (!corpusPresent) console.log(skipNotice('corpus matrix'));
else if (unavailable)
  console.log(
    `[fidelity] corpus matrix: skipped, MariaDB at ${testEnv.MARIADB_URL} does not answer: ${unavailable}`,
  );

const sources = corpusSources();
const rows: MatrixRow[] = [];
const notLoaded = corpusPresent ? unloadableSets() : [];
const matched = new Set<KnownSilentLoss>();

function knownEntry(row: MatrixRow, loss: SilentLoss): KnownSilentLoss | undefined {
  return KNOWN_SILENT_LOSSES.find(
    (entry) =>
      entry.source === row.source &&
      (entry.target === undefined || entry.target === row.target) &&
      (entry.design === undefined || entry.design === row.design) &&
      (entry.object === undefined || entry.object.test(loss.object)) &&
      entry.what.test(loss.what),
  );
}

/**
 * MariaDB lacks some MySQL 8 syntax, and better-sqlite3 is built without double-quoted string
 * literals (SQLITE_DQS=0), which the sqlite3 shell accepts: such a set is reported, not failed
 * (the import coverage suites say which). PostgreSQL sets here all loaded in the corpus's test.
 */
async function load(source: CorpusSource): Promise<LiveImport | undefined> {
  try {
    return await importSource(source);
  } catch (error) {
    if (source.dialect === 'postgresql') throw error;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    notLoaded.push({ label: source.label, reason: `does not load: ${reason}` });
    return undefined;
  }
}

describe.skipIf(unavailable !== undefined)('corpus matrix: source engine × target dialect', () => {
  afterAll(() => {
    const cells = cellFigures(rows, (row, i) => {
      const loss = row.outcome.silent[i];
      return loss !== undefined && knownEntry(row, loss) !== undefined;
    });
    console.log(formatMatrix(cells, rows, notLoaded));
    console.log(`[fidelity] matrix written to ${writeMatrixReport(cells, rows, notLoaded)}`);
  });

  test.each(sources.map((source) => [source.label, source] as const))(
    '%s: imports, its exports run on PostgreSQL, MariaDB and SQLite, and nothing changes silently',
    async (_, source) => {
      const imported = await load(source);
      if (imported === undefined) return;
      expect(validateDesign(imported.result.document).errors, `${source.label}: the import is valid`).toEqual(
        [],
      );
      // The same-engine cell first: the import's own silent losses it finds are every cell's.
      // Then the two other targets at once (two engines share the work); the sets stay one
      // after the other, so at most two databases of a set exist at a time.
      const same = await measureCell(imported, source.dialect, source.dialect);
      const importLosses = same.silent.filter((loss) => loss.byImport !== undefined);
      const others = await Promise.all(
        SQL_DIALECTS.filter((target) => target !== source.dialect).map(async (target: SqlDialect) => ({
          target,
          outcome: await measureCell(imported, source.dialect, target, importLosses),
        })),
      );
      const mine: MatrixRow[] = [{ target: source.dialect, outcome: same }, ...others]
        .sort((a, b) => SQL_DIALECTS.indexOf(a.target) - SQL_DIALECTS.indexOf(b.target))
        .map(({ target, outcome }) => ({ design: source.label, source: source.dialect, target, outcome }));
      rows.push(...mine);
      // Every cell of the design is measured (and in the matrix) before any is judged.
      const judged = mine.map((row) => ({
        label: `${row.design} → ${row.target}`,
        error: row.outcome.error,
        unknown: row.outcome.silent.filter((loss) => {
          const entry = knownEntry(row, loss);
          if (entry) matched.add(entry);
          return entry === undefined;
        }),
      }));
      for (const { label, error, unknown } of judged) {
        expect(error, `${label} executes`).toBeUndefined();
        expect(unknown, `${label}: changes no warning names (not on the allow-list)`).toEqual([]);
      }
    },
  );

  test('every entry of the allow-list of known silent losses still happens (else delete it)', () => {
    const stale = KNOWN_SILENT_LOSSES.filter((entry) => !matched.has(entry)).map(
      (entry) =>
        `${entry.source}→${entry.target ?? '*'} ${entry.design ?? '*'} ${entry.what} (${entry.fixedBy})`,
    );
    expect(stale).toEqual([]);
  });
});
