import type { Design } from '../design/model.ts';
import { DdlGenerationError } from './design-index.ts';
import { planCreate } from './plan-create.ts';
import { renderStatement } from './postgres/render.ts';
import type { DdlStatement } from './statements.ts';

/** SQL dialects the generator writes. MySQL and SQLite come later. */
export const SQL_DIALECTS = ['postgresql'] as const;
export type SqlDialect = (typeof SQL_DIALECTS)[number];

export interface GenerateDdlOptions {
  dialect?: SqlDialect;
}

export interface GeneratedDdl {
  dialect: SqlDialect;
  /** One SQL statement per entry, each ending with `;`. */
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
  const statements = plan.map(renderStatement);
  return { dialect, statements, sql: joinStatements(statements), plan };
}

export function joinStatements(statements: readonly string[]): string {
  return statements.length === 0 ? '' : `${statements.join('\n\n')}\n`;
}
