import { quoteIdentFor } from '../sql/quote.ts';
import { relationsReferenced } from '../sql-expression/references.ts';
import { renderSqlQuery } from '../sql-expression/render-query.ts';
import type { ChangeLog } from './export-warning.ts';
import type { CommentOnViewStatement, CreateViewStatement } from './statements.ts';

/**
 * Views for MySQL and SQLite, one plan at a time. A view's SELECT is rewritten from its parse tree
 * (`renderSqlQuery`) or, when some part has no same-meaning form, the view is left out: reported
 * (EXPRESSION_NOT_PORTABLE) and marked by a comment where it would have been created. A view that
 * reads a view left out is left out too (it could not be created).
 */
export class PortableViews {
  private readonly leftOut = new Set<string>();

  constructor(private readonly dialect: 'mysql' | 'sqlite') {}

  /** `CREATE VIEW … AS …;`, or a comment-only entry saying why the view is not there. */
  create(statement: CreateViewStatement, log: ChangeLog): string {
    const missing = relationsReferenced(statement.definition).find(
      (relation) => (relation.schema ?? 'public') === 'public' && this.leftOut.has(relation.name),
    );
    const rendered = missing
      ? { refused: `it reads view ${missing.name}, which is left out` }
      : renderSqlQuery(statement.definition, this.dialect);
    if ('sql' in rendered)
      return `CREATE VIEW ${quoteIdentFor(this.dialect, statement.name)} AS ${rendered.sql};`;
    this.leftOut.add(statement.name);
    return log.add({
      code: 'EXPRESSION_NOT_PORTABLE',
      spot: { view: statement.name, field: 'definition' },
      message: `view ${statement.name} is left out of the ${this.engine()} export: ${rendered.refused}`,
    });
  }

  /** Neither engine keeps a comment on a view: reported, no SQL. */
  comment(statement: CommentOnViewStatement, log: ChangeLog): undefined {
    if (statement.comment !== null)
      log.add({
        code: 'COMMENT_DROPPED',
        spot: { view: statement.view },
        message: `${this.engine()} keeps no comment on a view: this one is left out`,
      });
    return undefined;
  }

  private engine(): string {
    return this.dialect === 'mysql' ? 'MySQL' : 'SQLite';
  }
}
