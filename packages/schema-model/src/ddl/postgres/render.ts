import type { DdlStatement } from '../statements.ts';
import { renderCommentOnColumn, renderCommentOnTable, renderCommentOnType } from './render-comment.ts';
import { renderCreateEnum } from './render-enum.ts';
import { renderAddForeignKey } from './render-foreign-key.ts';
import { renderCreateIndex } from './render-index.ts';
import { renderCreateTable } from './render-table.ts';
import { unreachable } from './render-type.ts';

/** The PostgreSQL text of one statement, ending with `;`. */
export function renderStatement(statement: DdlStatement): string {
  switch (statement.kind) {
    case 'create_enum':
      return renderCreateEnum(statement);
    case 'create_table':
      return renderCreateTable(statement);
    case 'create_index':
      return renderCreateIndex(statement);
    case 'comment_on_table':
      return renderCommentOnTable(statement);
    case 'comment_on_column':
      return renderCommentOnColumn(statement);
    case 'comment_on_type':
      return renderCommentOnType(statement);
    case 'add_foreign_key':
      return renderAddForeignKey(statement);
  }
  return unreachable(statement);
}
