import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqlDialect } from '@schema-builder/schema-model/ddl';
import { SQL_DIALECTS } from '@schema-builder/schema-model/ddl';
import { ENGINE_NAMES } from './engines.test-support.ts';
import type { CellOutcome } from './matrix-cell.test-support.ts';

/** One design's outcome in one cell. */
export interface MatrixRow {
  design: string;
  source: SqlDialect;
  target: SqlDialect;
  outcome: CellOutcome;
}

/** The figures of one cell (source engine × target dialect) over every design. */
export interface CellFigures {
  source: SqlDialect;
  target: SqlDialect;
  designs: number;
  executed: number;
  objects: number;
  preserved: number;
  warned: Record<string, number>;
  silent: number;
  /** Silent losses on the allow-list (known, fixed by another part of issue 16). */
  silentKnown: number;
}

/** Where the figures are written: the package's `fidelity-report/` (ignored by git). */
export const REPORT_DIR = fileURLToPath(new URL('../../fidelity-report/', import.meta.url));

export function cellFigures(
  rows: readonly MatrixRow[],
  isKnown: (row: MatrixRow, index: number) => boolean,
): CellFigures[] {
  const cells: CellFigures[] = [];
  for (const source of SQL_DIALECTS)
    for (const target of SQL_DIALECTS) {
      const mine = rows.filter((r) => r.source === source && r.target === target);
      if (mine.length === 0) continue;
      const warned: Record<string, number> = {};
      for (const row of mine)
        for (const [code, n] of Object.entries(row.outcome.warned)) warned[code] = (warned[code] ?? 0) + n;
      cells.push({
        source,
        target,
        designs: mine.length,
        executed: mine.filter((r) => r.outcome.executed).length,
        objects: mine.reduce((n, r) => n + r.outcome.objects, 0),
        preserved: mine.reduce((n, r) => n + r.outcome.preserved, 0),
        warned,
        silent: mine.reduce((n, r) => n + r.outcome.silent.length, 0),
        silentKnown: mine.reduce((n, r) => n + r.outcome.silent.filter((_, i) => isKnown(r, i)).length, 0),
      });
    }
  return cells;
}

const pct = (n: number, of: number) => (of === 0 ? '–' : `${((100 * n) / of).toFixed(1)}%`);

/** The printed matrix: one line per cell, then what was refused and what changed silently. */
export function formatMatrix(
  cells: readonly CellFigures[],
  rows: readonly MatrixRow[],
  notLoaded: ReadonlyArray<{ label: string; reason: string }>,
): string {
  const cell = (c: CellFigures) => `${ENGINE_NAMES[c.source]} → ${c.target}`;
  const lines = [
    '',
    '══ Corpus matrix: source engine → live import → export → target engine → live import → compare',
    `| ${'source → target'.padEnd(26)} | designs | executes | ${'preserved'.padEnd(19)} | warned losses | silent | of which allow-listed |`,
    `|${'-'.repeat(28)}|---------|----------|${'-'.repeat(21)}|---------------|--------|-----------------------|`,
  ];
  for (const c of cells) {
    const warned = Object.values(c.warned).reduce((n, v) => n + v, 0);
    lines.push(
      `| ${cell(c).padEnd(26)} | ${String(c.designs).padStart(7)} | ${pct(c.executed, c.designs).padStart(8)} | ${`${pct(c.preserved, c.objects)} ${c.preserved}/${c.objects}`.padEnd(19)} | ${String(warned).padStart(13)} | ${String(c.silent).padStart(6)} | ${String(c.silentKnown).padStart(21)} |`,
    );
  }
  lines.push('warned losses by code (import and export warnings):');
  for (const c of cells) {
    const codes = Object.entries(c.warned)
      .sort((a, b) => b[1] - a[1])
      .map(([code, n]) => `${code} ${n}`)
      .join(', ');
    lines.push(`  ${cell(c)}: ${codes || 'none'}`);
  }
  for (const row of rows.filter((r) => !r.outcome.executed))
    lines.push(`  refused: ${row.design} → ${row.target}: ${row.outcome.error}`);
  for (const row of rows.filter((r) => r.outcome.silent.length > 0)) {
    const shown = row.outcome.silent.slice(0, 4).map((s) => `${s.object} ${s.what}`);
    const more = row.outcome.silent.length > 4 ? ` … (${row.outcome.silent.length})` : '';
    lines.push(`  silent: ${row.design} → ${row.target}: ${shown.join('; ')}${more}`);
  }
  for (const set of notLoaded)
    lines.push(`  not loaded on its engine: ${set.label}: ${set.reason.slice(0, 140)}`);
  return lines.join('\n');
}

/** Writes the figures and every row to `fidelity-report/matrix.json`; returns the file's path. */
export function writeMatrixReport(
  cells: readonly CellFigures[],
  rows: readonly MatrixRow[],
  notLoaded: ReadonlyArray<{ label: string; reason: string }>,
): string {
  mkdirSync(REPORT_DIR, { recursive: true });
  const file = path.join(REPORT_DIR, 'matrix.json');
  writeFileSync(
    file,
    `${JSON.stringify({ generatedAt: new Date().toISOString(), cells, notLoaded, rows }, null, 2)}\n`,
  );
  return file;
}
