import { quoteIdent } from '../../sql/quote.ts';
import type { DdlStatement } from '../statements.ts';
import {
  renderAlterColumnDefault,
  renderAlterColumnNull,
  renderAlterColumnType,
} from './render-column-alter.ts';
import {
  renderAddColumn,
  renderDropColumn,
  renderDropExpression,
  renderRenameColumn,
} from './render-column-change.ts';
import {
  renderCommentOnColumn,
  renderCommentOnSchema,
  renderCommentOnTable,
  renderCommentOnType,
} from './render-comment.ts';
import {
  renderAddCheck,
  renderAddPrimaryKey,
  renderAddTypeCheck,
  renderAddUnique,
  renderDropConstraint,
  renderRenameConstraint,
} from './render-constraint.ts';
import {
  renderAddEnumValue,
  renderCreateEnum,
  renderDropEnum,
  renderRenameEnum,
  renderRenameEnumValue,
} from './render-enum.ts';
import { renderAddForeignKey } from './render-foreign-key.ts';
import { renderAddIdentity, renderDropIdentity, renderSyncIdentity } from './render-identity.ts';
import { renderCreateIndex, renderDropIndex, renderRenameIndex } from './render-index.ts';
import {
  renderCreateSchema,
  renderDropSchema,
  renderRenameSchema,
  renderSetSchema,
} from './render-schema.ts';
import { renderRenameSequence } from './render-sequence.ts';
import { renderCreateTable } from './render-table.ts';
import { renderDropTable, renderRenameTable } from './render-table-change.ts';
import { unreachable } from './render-type.ts';
import { renderCommentOnView, renderCreateView, renderDropView, renderRenameView } from './render-view.ts';

/** The PostgreSQL text of one statement, ending with `;`. Create plans and migrations share it. */
export function renderStatement(statement: DdlStatement): string {
  switch (statement.kind) {
    case 'create_schema':
      return renderCreateSchema(statement);
    case 'comment_on_schema':
      return renderCommentOnSchema(statement);
    case 'drop_schema':
      return renderDropSchema(statement);
    case 'rename_schema':
      return renderRenameSchema(statement);
    case 'set_schema':
      return renderSetSchema(statement);
    case 'create_extension':
      return `CREATE EXTENSION IF NOT EXISTS ${quoteIdent(statement.extension)};`;
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
    case 'drop_table':
      return renderDropTable(statement);
    case 'rename_table':
      return renderRenameTable(statement);
    case 'add_column':
      return renderAddColumn(statement);
    case 'drop_column':
      return renderDropColumn(statement);
    case 'drop_expression':
      return renderDropExpression(statement);
    case 'rename_column':
      return renderRenameColumn(statement);
    case 'alter_column_type':
      return renderAlterColumnType(statement);
    case 'alter_column_null':
      return renderAlterColumnNull(statement);
    case 'alter_column_default':
      return renderAlterColumnDefault(statement);
    case 'add_identity':
      return renderAddIdentity(statement);
    case 'drop_identity':
      return renderDropIdentity(statement);
    case 'sync_identity':
      return renderSyncIdentity(statement);
    case 'add_primary_key':
      return renderAddPrimaryKey(statement);
    case 'add_unique':
      return renderAddUnique(statement);
    case 'add_check':
      return renderAddCheck(statement);
    case 'drop_constraint':
      return renderDropConstraint(statement);
    case 'rename_constraint':
      return renderRenameConstraint(statement);
    case 'add_type_check':
      return renderAddTypeCheck(statement);
    case 'drop_index':
      return renderDropIndex(statement);
    case 'rename_index':
      return renderRenameIndex(statement);
    case 'rename_sequence':
      return renderRenameSequence(statement);
    case 'drop_enum':
      return renderDropEnum(statement);
    case 'rename_enum':
      return renderRenameEnum(statement);
    case 'add_enum_value':
      return renderAddEnumValue(statement);
    case 'rename_enum_value':
      return renderRenameEnumValue(statement);
    case 'create_view':
      return renderCreateView(statement);
    case 'comment_on_view':
      return renderCommentOnView(statement);
    case 'drop_view':
      return renderDropView(statement);
    case 'rename_view':
      return renderRenameView(statement);
  }
  return unreachable(statement);
}
