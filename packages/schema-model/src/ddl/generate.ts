import type { Design } from '../design/model.ts';
import { quoteIdentFor } from '../sql/quote.ts';
import { DdlGenerationError } from './design-index.ts';
import type { ExportWarning, RenderedPlan } from './export-warning.ts';
import { locateChanges } from './export-warning.ts';
import { flattenSchemas, markFlattened } from './flatten-schemas.ts';
import { renderMysqlPlanWithChanges } from './mysql/render.ts';
import { MYSQL_PREAMBLE } from './mysql/session-settings.ts';
import { planCreate } from './plan-create.ts';
import { renderStatement } from './postgres/render.ts';
import { DEFAULT_POSTGRES_SCHEMA, postgresPreamble } from './postgres/session-settings.ts';
import { renderSqlitePlanWithChanges } from './sqlite/render.ts';
import type { DdlStatement } from './statements.ts';

/** SQL dialects the generator writes. `mysql` is MySQL 8.0.13+ and MariaDB 10.2+. */
export const SQL_DIALECTS = ['postgresql', 'mysql', 'sqlite'] as const;
export type SqlDialect = (typeof SQL_DIALECTS)[number];

/** Each dialect's SQL for a create plan, and what it changes from the design (PostgreSQL: nothing). */
const RENDERERS: Readonly<Record<SqlDialect, (plan: readonly DdlStatement[]) => RenderedPlan>> = {
  postgresql: (plan) => ({ statements: plan.map(renderStatement), changes: [] }),
  mysql: renderMysqlPlanWithChanges,
  sqlite: renderSqlitePlanWithChanges,
};

/**
 * The statements each dialect's script opens with: the session settings it relies on (see
 * `postgresSessionSettings`, `MYSQL_PREAMBLE`). SQLite has none its DDL depends on: it has no
 * backslash escapes, and its pragmas do not change how CREATE statements read.
 */
const PREAMBLES: Readonly<Record<SqlDialect, (options: GenerateDdlOptions) => readonly string[]>> = {
  postgresql: (options) => postgresPreamble(options.schema ?? DEFAULT_POSTGRES_SCHEMA),
  mysql: () => MYSQL_PREAMBLE,
  sqlite: () => [],
};

export interface GenerateDdlOptions {
  dialect?: SqlDialect;
  /**
   * PostgreSQL: the schema the script builds in (its `search_path`); default `public`, where
   * provisioning builds. Ignored by the other dialects, which build in the connection's database.
   */
  schema?: string;
}

export interface GeneratedDdl {
  dialect: SqlDialect;
  /**
   * One SQL statement per entry, each ending with `;`: first the `preamble`, then one per plan
   * entry for PostgreSQL; MySQL and SQLite write some entries inline (enums, MySQL column
   * comments, SQLite foreign keys) or not at all (comments in SQLite), so they can have fewer.
   * A client running them one by one must run them all on one session, preamble first.
   */
  statements: string[];
  /** The session settings `statements` opens with (none for SQLite). */
  preamble: string[];
  /** The statements separated by blank lines, with a trailing newline ('' for an empty design). */
  sql: string;
  /** The typed statements the SQL was rendered from. */
  plan: DdlStatement[];
  /**
   * What the SQL changes from the design for its engine to accept it (each also a `-- CODE: …`
   * comment line at the spot): empty when it holds exactly what the design says.
   */
  warnings: ExportWarning[];
}

/**
 * The DDL that creates a normalized design in an empty schema. Pure and deterministic.
 * Throws DdlGenerationError for a design whose references do not resolve.
 */
export function generateDdl(design: Design, options: GenerateDdlOptions = {}): GeneratedDdl {
  const dialect = options.dialect ?? 'postgresql';
  if (!SQL_DIALECTS.includes(dialect))
    throw new DdlGenerationError(`unsupported SQL dialect ${JSON.stringify(dialect)}`);
  // MySQL and SQLite have one namespace per database: schemas become name prefixes there.
  const flat =
    dialect === 'postgresql' ? undefined : flattenSchemas(design, dialect === 'mysql' ? 'MySQL' : 'SQLite');
  const planned = flat?.design ?? design;
  const plan = planCreate(planned);
  const rendered = RENDERERS[dialect](plan);
  const body =
    flat === undefined
      ? rendered.statements
      : markFlattened(rendered.statements, flat.notes, (name) => quoteIdentFor(dialect, name));
  // An empty design builds nothing, so its script is empty too rather than settings alone.
  const preamble = body.length === 0 ? [] : [...PREAMBLES[dialect](options)];
  const statements = [...preamble, ...body];
  const warnings = [...(flat?.warnings ?? []), ...locateChanges(planned, rendered.changes)];
  return { dialect, statements, preamble, sql: joinStatements(statements), plan, warnings };
}

export function joinStatements(statements: readonly string[]): string {
  return statements.length === 0 ? '' : `${statements.join('\n\n')}\n`;
}
