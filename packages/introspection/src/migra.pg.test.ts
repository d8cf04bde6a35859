import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Design } from '@schema-builder/schema-model/design';
import { normalizeDesign } from '@schema-builder/schema-model/design';
import { planPostgresMigration } from '@schema-builder/schema-model/diff';
import type { ImportWarning, ImportWarningCode } from '@schema-builder/schema-model/import';
import { catalogToDesign } from '@schema-builder/schema-model/import';
import { quoteIdent } from '@schema-builder/schema-model/sql';
import { validateDesign } from '@schema-builder/schema-model/validation';
import { readCatalog } from '@schema-builder/testing/catalog';
import { testEnv } from '@schema-builder/testing/env';
import type { TestDatabase } from '@schema-builder/testing/postgres';
import { createTestDatabase, serverUrl } from '@schema-builder/testing/postgres';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runOnOneSession } from './fidelity/load-postgres.test-support.ts';
import { introspectPostgres } from './postgres/introspect.ts';

/**
 * migra's own test fixtures (github.com/djrobstep/migra, tests/FIXTURES: see PROVENANCE.txt in
 * the corpus) as a peer suite of the migration planner, read in place from the corpus.
 *
 * For each case, `a.sql` and `b.sql` load into two fresh databases; each compared schema of both
 * is introspected and imported as a design (ids come from names, so a table of `a` and the table
 * of the same name in `b` share an id, matching migra's name-based comparison).
 *
 * - A case the design model can express (`covered`) imports without losing anything, and its
 *   plan `a → b`, applied to the first database (one transaction per phase), leaves it exactly as
 *   `b`: the re-imported design equals `b`'s, and re-diffing it against `b` is empty.
 * - A case it cannot express says why; the import must report that loss (its `evidence`
 *   warnings).
 *   The part of such a case a design does hold (`designPart`) goes through the same round trip:
 *   the plan applies and the re-imported design equals `b`'s, or, where the rest of the database
 *   gets in the way, it fails with the error the entry names.
 */

const migraDir = path.join(testEnv.CORPUS_DIR, 'migra');
const present = existsSync(path.join(migraDir, 'PROVENANCE.txt'));
const SKIP = `[migra] peer suite: skipped, no corpus at ${migraDir} (set CORPUS_DIR to run it)`;
if (!present) console.warn(SKIP);

type Coverage =
  | {
      status: 'covered';
      /** The schemas compared (default `public`); migra's flags name them for some cases. */
      schemas?: string[];
      /**
       * Every schema imported as one design (`public` its default schema), planned and applied at
       * once, and each schema's catalog compared: for cases whose objects reach across schemas.
       */
      allSchemas?: string[];
    }
  | {
      status: 'out of scope';
      reason: string;
      /** What shows the loss: import warnings (of `a` or `b`). */
      evidence: ImportWarningCode[];
      schemas?: string[];
      /**
       * The case's design part (what both imports hold: tables, columns, keys, indexes, enums)
       * planned and applied to `a`: it round-trips, or why it cannot (then it must fail).
       */
      designPart: 'round-trips' | { fails: string; error: string };
    };

const cases: Record<string, Coverage> = {
  collations: {
    status: 'out of scope',
    reason: 'column collations (posix, an ICU collation): a design has no collations',
    evidence: ['COLLATION_DROPPED'],
    designPart: 'round-trips',
  },
  constraints: {
    status: 'out of scope',
    reason:
      'check and exclusion constraints, DEFERRABLE keys and foreign keys, the circle type: a design has none of these',
    evidence: [
      'UNSUPPORTED_CHECK_CONSTRAINT',
      'UNSUPPORTED_EXCLUSION_CONSTRAINT',
      'FK_OPTIONS_DROPPED',
      'TYPE_UNSUPPORTED',
    ],
    designPart: 'round-trips',
  },
  dependencies: {
    status: 'out of scope',
    reason: 'a function depending on the views (the views themselves are covered): a design holds no code',
    evidence: ['UNSUPPORTED_FUNCTION'],
    designPart: 'round-trips',
  },
  // A table replaced by a view of the same name (schema x): the view that reads it goes first.
  dependencies2: { status: 'covered', schemas: ['x'] },
  dependencies3: {
    status: 'out of scope',
    reason: 'a view turned materialized (the plain views are covered): a design has no materialized views',
    evidence: ['UNSUPPORTED_MATERIALIZED_VIEW'],
    designPart: 'round-trips',
  },
  dependencies4: {
    status: 'out of scope',
    reason:
      'a materialized view (with a unique index) over a new table (the plain view is covered): a design has no materialized views',
    evidence: ['UNSUPPORTED_MATERIALIZED_VIEW'],
    designPart: 'round-trips',
  },
  // A column switching between enums of another schema (other.otherenum1 → other.otherenum2):
  // the design holds both schemas.
  enumdefaults: { status: 'covered', allSchemas: ['public', 'other'] },
  // Views using the enum whose value is added.
  enumdeps: { status: 'covered' },
  everything: {
    status: 'out of scope',
    reason:
      'extensions (pg_trgm, hstore, citext), materialized views, functions, check constraints, tables without columns, UNLOGGED, grants: a design has none of these',
    evidence: [
      'UNSUPPORTED_EXTENSION',
      'UNSUPPORTED_MATERIALIZED_VIEW',
      'UNSUPPORTED_FUNCTION',
      'UNSUPPORTED_CHECK_CONSTRAINT',
      'TABLE_WITHOUT_COLUMNS',
    ],
    designPart: {
      fails:
        "orders.order_id is a serial column in a, imported as auto-increment (an identity in a design's own build); the plan's DROP IDENTITY, written for a database built from the design, fails on a serial column",
      error: '"order_id" of relation "orders" is not an identity column',
    },
  },
  // migra runs it with --exclude_schema excludedschema: the two other schemas are compared.
  excludeschema: { status: 'covered', schemas: ['schema1', 'schema2'] },
  extversions: {
    status: 'out of scope',
    reason: 'extensions and their versions only: a design does not install extensions',
    evidence: ['UNSUPPORTED_EXTENSION'],
    designPart: 'round-trips',
  },
  generated: {
    status: 'out of scope',
    reason: 'generated (computed) columns and a table without columns: a design has neither',
    evidence: ['GENERATED_COLUMN', 'TABLE_WITHOUT_COLUMNS'],
    designPart: 'round-trips',
  },
  generated_added: {
    status: 'out of scope',
    reason: 'the only change drops a table without columns, which a design cannot hold',
    evidence: ['TABLE_WITHOUT_COLUMNS'],
    designPart: 'round-trips',
  },
  identitycols: {
    status: 'out of scope',
    reason: 'generated columns and GENERATED ALWAYS identities: a design has neither',
    evidence: ['GENERATED_COLUMN', 'IDENTITY_ALWAYS'],
    designPart: 'round-trips',
  },
  inherit: {
    status: 'out of scope',
    reason: 'table inheritance and check constraints: a design has neither',
    evidence: ['UNSUPPORTED_INHERITED_TABLE', 'UNSUPPORTED_CHECK_CONSTRAINT'],
    designPart: 'round-trips',
  },
  inherit2: {
    status: 'out of scope',
    reason: 'table inheritance (a column moving between parent and child): a design has none',
    evidence: ['UNSUPPORTED_INHERITED_TABLE'],
    designPart: {
      fails:
        "dropping column e of the parent timestamp_base also drops the child's inherited e: a design does not know about inheritance",
      error: 'public: a migrated is b',
    },
  },
  partitioning: {
    status: 'out of scope',
    reason: 'partitioned tables and partitions attached or detached: a design has no partitioning',
    evidence: ['UNSUPPORTED_PARTITION'],
    designPart: {
      fails:
        'measurement_y2006m03 is a partition in a (not imported) and a plain table in b: the plan creates a table whose name the partition holds',
      error: 'relation "measurement_y2006m03" already exists',
    },
  },
  privileges: {
    status: 'out of scope',
    reason: 'grants (read by no import), a function, an extension: a design has none of these',
    evidence: ['UNSUPPORTED_FUNCTION', 'UNSUPPORTED_EXTENSION'],
    designPart: 'round-trips',
  },
  rls: {
    status: 'out of scope',
    reason: 'row-level security and policies: a design has none',
    evidence: ['UNSUPPORTED_POLICY'],
    designPart: 'round-trips',
  },
  rls2: {
    status: 'out of scope',
    reason: 'row-level security and a policy, and a table without columns: a design has none of these',
    evidence: ['UNSUPPORTED_POLICY', 'TABLE_WITHOUT_COLUMNS'],
    designPart: 'round-trips',
  },
  seq: {
    status: 'out of scope',
    reason:
      'serial columns swapped with free-standing sequences, and a table without columns: a design has sequences only behind auto-increment columns',
    evidence: ['SEQUENCE_AS_AUTO_INCREMENT', 'TABLE_WITHOUT_COLUMNS'],
    designPart: 'round-trips',
  },
  // migra runs it with --schema goodschema.
  singleschema: {
    status: 'out of scope',
    reason:
      'a column added between two others: it comes last (PostgreSQL cannot reorder columns), so the catalogs differ in column order only (the redefined view goodschema.v is covered)',
    evidence: [],
    schemas: ['goodschema'],
    designPart: 'round-trips',
  },
  singleschema_ext: {
    status: 'out of scope',
    reason:
      'a column added between two others comes last, so the catalogs differ in column order only (the redefined view is covered; the extensions are outside the compared schema)',
    evidence: [],
    schemas: ['goodschema'],
    designPart: 'round-trips',
  },
  triggers: {
    status: 'out of scope',
    reason: 'triggers and their function: a design holds no code',
    evidence: ['UNSUPPORTED_TRIGGER', 'UNSUPPORTED_FUNCTION'],
    designPart: 'round-trips',
  },
  triggers2: {
    status: 'out of scope',
    reason: 'triggers and their function: a design holds no code',
    evidence: ['UNSUPPORTED_TRIGGER', 'UNSUPPORTED_FUNCTION'],
    designPart: 'round-trips',
  },
  triggers3: {
    status: 'out of scope',
    reason: 'an INSTEAD OF trigger on a view (the view is covered): a design holds no code',
    evidence: ['UNSUPPORTED_TRIGGER', 'UNSUPPORTED_FUNCTION'],
    designPart: 'round-trips',
  },
};

/** Tables of other schemas are reported where they live, and each schema is compared on its own. */
const lossWarnings = (warnings: readonly ImportWarning[]) =>
  warnings.filter((warning) => warning.code !== 'UNSUPPORTED_TABLE_OUTSIDE_SCHEMA');

/** The policy of the `rls` fixture names this role (migra's harness creates it). */
const FIXTURE_ROLE = 'schemainspect_test_role';

/**
 * Creates the fixture role when the server lacks it; returns how to drop it again (after the
 * databases whose policies use it), or nothing when it was there already.
 */
async function ensureFixtureRole(): Promise<(() => Promise<void>) | undefined> {
  const admin = postgres(serverUrl(), { max: 1, onnotice: () => {} });
  try {
    const [row] = await admin<{ exists: boolean }[]>`
      select exists (select 1 from pg_roles where rolname = ${FIXTURE_ROLE}) as exists`;
    if (row?.exists) return undefined;
    await admin.unsafe(`CREATE ROLE ${quoteIdent(FIXTURE_ROLE)} NOLOGIN`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  return async () => {
    const dropper = postgres(serverUrl(), { max: 1, onnotice: () => {} });
    try {
      await dropper.unsafe(`DROP ROLE IF EXISTS ${quoteIdent(FIXTURE_ROLE)}`);
    } finally {
      await dropper.end({ timeout: 5 });
    }
  };
}

interface Imported {
  design: Design;
  warnings: ImportWarning[];
}

async function importSchema(
  db: TestDatabase,
  schema: string,
  label: string,
  allSchemas?: readonly string[],
): Promise<Imported> {
  const catalog = await introspectPostgres(
    db.sql,
    allSchemas === undefined ? { schema } : { schema, schemas: allSchemas },
  );
  const { document, warnings } = catalogToDesign(catalog, { name: label, dialect: 'postgresql' });
  expect(validateDesign(document).errors, `${label}: the imported design is valid`).toEqual([]);
  return { design: normalizeDesign(document), warnings: lossWarnings(warnings) };
}

/**
 * What the design holds of the schema, free of the design's own name and description. Columns
 * are compared by id, not position: a plan adds columns at the end (PostgreSQL cannot reorder
 * them) and says so in its summary, which `migrate` checks.
 */
const structure = (design: Design) => ({
  schemas: design.schemas,
  enums: design.enums,
  tables: design.tables.map((table) => ({
    ...table,
    columns: [...table.columns].sort((x, y) => (x.id < y.id ? -1 : 1)),
  })),
  foreignKeys: design.foreignKeys,
  views: design.views ?? [],
});

/** Tables whose columns end in another order than designed; the plan's summary must name each. */
function reorderedTables(migrated: Design, designed: Design): string[] {
  return designed.tables
    .filter((table) => {
      const actual = migrated.tables.find((t) => t.id === table.id);
      return actual && actual.columns.map((c) => c.id).join() !== table.columns.map((c) => c.id).join();
    })
    .map((table) => table.name);
}

/** Applies the plan's SQL in `schema`: one transaction per phase, in order, on one session. */
async function applyPlan(
  db: TestDatabase,
  schema: string,
  steps: ReturnType<typeof planPostgresMigration>['steps'],
) {
  const conn = await db.sql.reserve();
  try {
    await conn.unsafe(`SET search_path TO ${quoteIdent(schema)}`);
    const phases = [...new Set(steps.map((step) => step.phase))].sort((x, y) => x - y);
    for (const phase of phases) {
      await conn.unsafe('BEGIN');
      try {
        for (const statement of steps.filter((step) => step.phase === phase).flatMap((step) => step.sql)) {
          await conn.unsafe(statement).catch((error: unknown) => {
            throw new Error(`${error instanceof Error ? error.message : String(error)}\n  in: ${statement}`);
          });
        }
        await conn.unsafe('COMMIT');
      } catch (error) {
        await conn.unsafe('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await conn.unsafe('RESET search_path');
    conn.release();
  }
}

/**
 * Plans `from → to`, applies it to `db` (built as `from`) and checks the result: re-imported, it
 * is `to` (re-diffing it against `to` is empty), and `to` diffed against itself is empty.
 * Returns the number of steps applied.
 */
async function migrate(
  db: TestDatabase,
  schema: string,
  from: Design,
  to: Design,
  allSchemas?: readonly string[],
): Promise<number> {
  expect(planPostgresMigration(to, to).steps, 'b re-diffed against itself').toEqual([]);
  const plan = planPostgresMigration(from, to);
  await applyPlan(db, schema, plan.steps);
  const migrated = await importSchema(db, schema, `${schema} migrated`, allSchemas);
  expect(structure(migrated.design), `${schema}: a migrated is b`).toEqual(structure(to));
  for (const table of reorderedTables(migrated.design, to)) {
    expect(
      plan.summary.some((line) => line.includes(`Table ${JSON.stringify(table)} keeps its columns`)),
      `${schema}: the plan says ${table} keeps its column order`,
    ).toBe(true);
  }
  expect(planPostgresMigration(migrated.design, to).steps, 'a migrated re-diffed against b').toEqual([]);
  return plan.steps.length;
}

const caseNames = present
  ? readdirSync(migraDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()
  : [];
const readFixture = (name: string, file: string) => readFileSync(path.join(migraDir, name, file), 'utf8');

describe.skipIf(!present)('migra fixtures: plan a → b, apply to a, compare with b', () => {
  const report: string[] = [];
  afterAll(() => {
    if (report.length > 0) console.log(`[migra] coverage:\n${report.join('\n')}`);
  });

  test('every case on disk is classified', () => {
    expect(Object.keys(cases).sort()).toEqual(caseNames);
  });

  describe.each(caseNames.map((name) => [name]))('%s', (name) => {
    const coverage = cases[name];
    const databases: { a?: TestDatabase; b?: TestDatabase; dropRole?: () => Promise<void> } = {};
    beforeAll(async () => {
      if (name.startsWith('rls')) databases.dropRole = await ensureFixtureRole();
      databases.a = await createTestDatabase('sbmigra');
      databases.b = await createTestDatabase('sbmigra');
      await runOnOneSession(databases.a.url, [readFixture(name, 'a.sql')]);
      await runOnOneSession(databases.b.url, [readFixture(name, 'b.sql')]);
    });
    afterAll(async () => {
      await Promise.all([databases.a?.drop(), databases.b?.drop()]);
      await databases.dropRole?.();
    });

    const title =
      coverage === undefined
        ? 'not classified'
        : coverage.status === 'covered'
          ? 'covered: a migrated is b'
          : `out of scope (design part ${coverage.designPart === 'round-trips' ? 'round-trips' : 'fails'}): ${coverage.reason}`;
    test(title, async () => {
      const { a, b } = databases;
      if (!coverage || !a || !b) throw new Error(`case ${name} is not classified`);
      const allSchemas = coverage.status === 'covered' ? coverage.allSchemas : undefined;
      const schemas = allSchemas === undefined ? (coverage.schemas ?? ['public']) : ['public'];
      const warnings: ImportWarning[] = [];
      for (const schema of schemas) {
        const from = await importSchema(a, schema, `${name} a ${schema}`, allSchemas);
        const to = await importSchema(b, schema, `${name} b ${schema}`, allSchemas);
        warnings.push(...from.warnings, ...to.warnings);
        const designPart = coverage.status === 'covered' ? 'round-trips' : coverage.designPart;
        if (designPart === 'round-trips') {
          const steps = await migrate(a, schema, from.design, to.design, allSchemas);
          if (coverage.status === 'covered') {
            // Nothing was lost on import: the databases themselves must now agree.
            for (const compared of allSchemas ?? [schema])
              expect(
                await readCatalog(a.sql, compared),
                `${name} ${compared}: catalog of a migrated`,
              ).toEqual(await readCatalog(b.sql, compared));
          }
          report.push(`  ${name} ${schema}: ${steps} steps applied, a is now b`);
        } else {
          await expect(migrate(a, schema, from.design, to.design), designPart.fails).rejects.toThrow(
            designPart.error,
          );
          report.push(`  ${name} ${schema}: design part fails, as expected: ${designPart.fails}`);
        }
      }
      const codes = new Set(warnings.map((warning) => warning.code));
      if (coverage.status === 'covered') {
        expect(warnings, `${name}: nothing is lost on import`).toEqual([]);
        report.push(`  ${name}: covered`);
      } else {
        expect(
          coverage.evidence.filter((code) => !codes.has(code)),
          `${name}: the import reports what is out of scope`,
        ).toEqual([]);
        report.push(`  ${name}: out of scope: ${coverage.reason}`);
      }
    });
  });
});
