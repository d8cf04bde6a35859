import type { Design } from '../design/model.ts';
import { DdlGenerationError } from './design-index.ts';
import { renderMysqlPlan } from './mysql/render.ts';
import { planCreate } from './plan-create.ts';
import { renderStatement } from './postgres/render.ts';
import { renderSqlitePlan } from './sqlite/render.ts';
import type { DdlStatement } from './statements.ts';

/** SQL dialects the generator writes. `mysql` is MySQL 8.0.13+ and MariaDB 10.2+. */
export const SQL_DIALECTS = ['postgresql', 'mysql', 'sqlite'] as const;
export type SqlDialect = (typeof SQL_DIALECTS)[number];

/** Each dialect's SQL for a create plan. */
const RENDERERS: Readonly<Record<SqlDialect, (plan: readonly DdlStatement[]) => string[]>> = {
  postgresql: (plan) => plan.map(renderStatement),
  mysql: renderMysqlPlan,
  sqlite: renderSqlitePlan,
};

export interface GenerateDdlOptions {
  dialect?: SqlDialect;
}

export interface GeneratedDdl {
  dialect: SqlDialect;
  /**
   * One SQL statement per entry, each ending with `;`. One per plan entry for PostgreSQL; MySQL
   * and SQLite write some entries inline (enums, MySQL column comments, SQLite foreign keys) or
   * not at all (comments in SQLite), so they can have fewer.
   */
  statements: string[];
  /** The statements separated by blank lines, with a trailing newline ('' for an empty design). */
  sql: string;
  /** The typed statements the SQL was rendered from. */
  plan: DdlStatement[];
}

/**
 * The DDL that creates a normalized design in an empty schema. Pure and deterministic.
 * Throws DdlGenerationError for a design whose references do not resolve.
 */
export function generateDdl(design: Design, options: GenerateDdlOptions = {}): GeneratedDdl {
  const dialect = options.dialect ?? 'postgresql';
  if (!SQL_DIALECTS.includes(dialect))
    throw new DdlGenerationError(`unsupported SQL dialect ${JSON.stringify(dialect)}`);
  const plan = planCreate(design);
  const statements = RENDERERS[dialect](plan);
  return { dialect, statements, sql: joinStatements(statements), plan };
}

export function joinStatements(statements: readonly string[]): string {
  return statements.length === 0 ? '' : `${statements.join('\n\n')}\n`;
}
