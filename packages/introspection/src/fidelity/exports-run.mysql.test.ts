import type { ExportWarning, SqlDialect } from '@schema-builder/schema-model/ddl';
import { generateDdl } from '@schema-builder/schema-model/ddl';
import type { DesignDocument } from '@schema-builder/schema-model/design';
import { normalizeDesign } from '@schema-builder/schema-model/design';
import { catalogToDesign } from '@schema-builder/schema-model/import';
import { testEnv } from '@schema-builder/testing/env';
import { createTestDatabase } from '@schema-builder/testing/postgres';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { introspectMysql } from '../mysql/introspect.ts';
import { introspectPostgres } from '../postgres/introspect.ts';
import { introspectSqlite } from '../sqlite/introspect.ts';
import type { CorpusSet } from './corpus.test-support.ts';
import {
  corpusPresent,
  mysqlSets,
  postgresSets,
  readCorpusFile,
  skipNotice,
  sqliteSets,
} from './corpus.test-support.ts';
import type { ExportDifference } from './export-changes.test-support.ts';
import { exportDifferences, silentDifferences } from './export-changes.test-support.ts';
import { createMariadbDatabase, intoDatabase, mariadbUnavailable } from './load-mysql.test-support.ts';
import { runOnOneSession, schemasWithTables } from './load-postgres.test-support.ts';

/**
 * Issue 16, "exports that run": every corpus schema, imported from its own engine as a design,
 * exported to MySQL and to SQLite, and each export run on the real engine (MariaDB, SQLite via
 * better-sqlite3). Every export must execute, and every difference between the design and the
 * design imported back from the engine's catalog must be named by a warning of the export at the
 * same path. The matrix (executes %, warned changes by code, silent changes) is printed.
 */
const unavailable = corpusPresent ? await mariadbUnavailable(testEnv.MARIADB_URL) : 'no corpus';
if (!corpusPresent) console.log(skipNotice('exports run'));
else if (unavailable)
  console.log(
    `[fidelity] exports run: skipped, MariaDB at ${testEnv.MARIADB_URL} does not answer: ${unavailable}`,
  );

interface Imported {
  name: string;
  source: SqlDialect;
  document: DesignDocument;
}

interface Outcome {
  executed: boolean;
  error?: string;
  warnings: ExportWarning[];
  silent: ExportDifference[];
}

const TARGETS = ['mysql', 'sqlite'] as const;
const results: Array<{ design: Imported; target: SqlDialect; outcome: Outcome }> = [];

async function importPostgres(set: CorpusSet): Promise<Imported[]> {
  const source = await createTestDatabase('sbexp');
  try {
    await runOnOneSession(source.url, set.files.map(readCorpusFile));
    const out: Imported[] = [];
    for (const schema of await schemasWithTables(source.sql)) {
      const catalog = await introspectPostgres(source.sql, { schema });
      const name = `pg ${set.name}${schema === 'public' ? '' : `.${schema}`}`;
      out.push({
        name,
        source: 'postgresql',
        document: catalogToDesign(catalog, { name, dialect: 'postgresql' }).document,
      });
    }
    return out;
  } finally {
    await source.drop();
  }
}

async function importMysql(set: CorpusSet): Promise<Imported[]> {
  const database = await createMariadbDatabase(testEnv.MARIADB_URL);
  try {
    for (const file of set.files) {
      try {
        await database.load(intoDatabase(readCorpusFile(file), database.name).script);
      } catch {
        return []; // MySQL 8 syntax MariaDB lacks: the import coverage suite reports these.
      }
    }
    const catalog = await introspectMysql(database.connection, database.name);
    const name = `mysql ${set.name}`;
    return [
      { name, source: 'mysql', document: catalogToDesign(catalog, { name, dialect: 'mysql' }).document },
    ];
  } finally {
    await database.drop();
  }
}

function importSqlite(set: CorpusSet): Imported[] {
  const db = new Database(':memory:');
  try {
    for (const file of set.files) db.exec(readCorpusFile(file));
    const name = `sqlite ${set.name}`;
    return [
      {
        name,
        source: 'sqlite',
        document: catalogToDesign(introspectSqlite(db), { name, dialect: 'sqlite' }).document,
      },
    ];
  } catch {
    return []; // double-quoted string literals better-sqlite3 refuses: reported by the coverage suite.
  } finally {
    db.close();
  }
}

async function exportTo(target: SqlDialect, design: Imported): Promise<Outcome> {
  const normalized = normalizeDesign(design.document);
  const ddl = generateDdl(normalized, { dialect: target });
  const rebuild = async (): Promise<DesignDocument> => {
    if (target === 'sqlite') {
      const db = new Database(':memory:');
      try {
        db.exec(ddl.sql);
        return catalogToDesign(introspectSqlite(db), { name: design.name, dialect: 'sqlite' }).document;
      } finally {
        db.close();
      }
    }
    const copy = await createMariadbDatabase(testEnv.MARIADB_URL, 'sbexp');
    try {
      await copy.load(ddl.sql);
      const catalog = await introspectMysql(copy.connection, copy.name);
      return catalogToDesign(catalog, { name: design.name, dialect: 'mysql' }).document;
    } finally {
      await copy.drop();
    }
  };
  try {
    const rebuilt = normalizeDesign(await rebuild());
    const silent = silentDifferences(exportDifferences(normalized, rebuilt, target), ddl.warnings);
    return { executed: true, warnings: ddl.warnings, silent };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      executed: false,
      error: message.split('\n')[0]?.slice(0, 200),
      warnings: ddl.warnings,
      silent: [],
    };
  }
}

function printMatrix(): void {
  const lines = ['', '── Exports run: corpus design → export → real engine (MariaDB, SQLite)'];
  for (const target of TARGETS) {
    for (const source of ['postgresql', 'mysql', 'sqlite'] as const) {
      const rows = results.filter((r) => r.target === target && r.design.source === source);
      if (rows.length === 0) continue;
      const executed = rows.filter((r) => r.outcome.executed).length;
      const codes = new Map<string, number>();
      for (const row of rows)
        for (const w of row.outcome.warnings) codes.set(w.code, (codes.get(w.code) ?? 0) + 1);
      const silent = rows.reduce((sum, r) => sum + r.outcome.silent.length, 0);
      const byCode = [...codes].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code} ${n}`);
      lines.push(
        `${source} → ${target}: ${rows.length} designs, executes ${executed}/${rows.length} (${((100 * executed) / rows.length).toFixed(0)}%), silent changes ${silent}; warned: ${byCode.join(', ') || 'none'}`,
      );
    }
  }
  for (const row of results.filter((r) => !r.outcome.executed))
    lines.push(`  refused: ${row.design.name} → ${row.target}: ${row.outcome.error}`);
  for (const row of results.filter((r) => r.outcome.silent.length > 0))
    lines.push(
      `  silent: ${row.design.name} → ${row.target}: ${row.outcome.silent
        .slice(0, 5)
        .map((d) => `${d.path} ${d.what}`)
        .join('; ')}${row.outcome.silent.length > 5 ? ` … (${row.outcome.silent.length})` : ''}`,
    );
  console.log(lines.join('\n'));
}

const sets: Array<[string, () => Promise<Imported[]>]> = corpusPresent
  ? [
      ...postgresSets()
        .filter((set) => set.loadError === undefined)
        .map((set): [string, () => Promise<Imported[]>] => [`pg ${set.name}`, () => importPostgres(set)]),
      ...mysqlSets().map((set): [string, () => Promise<Imported[]>] => [
        `mysql ${set.name}`,
        () => importMysql(set),
      ]),
      ...sqliteSets()
        .filter((set) => set.loadError === undefined)
        .map((set): [string, () => Promise<Imported[]>] => [
          `sqlite ${set.name}`,
          async () => importSqlite(set),
        ]),
    ]
  : [];

describe.skipIf(unavailable !== undefined)('corpus exports run on their engines, every change warned', () => {
  afterAll(printMatrix);

  test.each(sets)(
    '%s: the MySQL and SQLite exports execute, and nothing changes silently',
    async (_, load) => {
      const outcomes: Array<{ label: string; outcome: Outcome }> = [];
      for (const design of await load()) {
        for (const target of TARGETS) {
          const outcome = await exportTo(target, design);
          results.push({ design, target, outcome });
          outcomes.push({ label: `${design.name} → ${target}`, outcome });
        }
      }
      // Every export of the set has run (and is in the matrix) before any is judged.
      for (const { label, outcome } of outcomes) {
        expect(outcome.error, `${label} executes`).toBeUndefined();
        expect(outcome.silent, `${label}: changes without a warning`).toEqual([]);
      }
    },
  );
});
