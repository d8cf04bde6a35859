import {
  column,
  designDocument,
  foreignKey,
  index,
  intKey,
  table,
} from '@schema-builder/testing/design-builders';
import type {
  ColumnDocument,
  DesignDocument,
  EnumDocument,
  ForeignKeyDocument,
  IndexDocument,
  TableDocument,
} from '../design/document.ts';
import type { Design } from '../design/model.ts';
import { normalizeDesign } from '../design/normalize.ts';
import { validateDesign } from '../validation/validate.ts';

/**
 * Shared by the diff tests: edits of a copy of a document, and the normalized design of a valid
 * one. The documents themselves come from @schema-builder/testing's builders (ids explicit,
 * since the diff matches by id).
 */

/** A copy of `document` changed by `change`. */
export function edit(document: DesignDocument, change: (copy: Editable) => void): DesignDocument {
  const copy = structuredClone(document);
  change(new Editable(copy));
  return copy;
}

/** Look-ups that throw instead of returning undefined, so edits read plainly. */
export class Editable {
  constructor(readonly doc: DesignDocument) {}
  table(id: string): TableDocument {
    const table = this.doc.tables.find((t) => t.id === id);
    if (!table) throw new Error(`no table ${id}`);
    return table;
  }
  column(tableId: string, id: string): ColumnDocument {
    const column = this.table(tableId).columns.find((c) => c.id === id);
    if (!column) throw new Error(`no column ${id} in ${tableId}`);
    return column;
  }
  enum(id: string): EnumDocument {
    const found = (this.doc.enums ?? []).find((e) => e.id === id);
    if (!found) throw new Error(`no enum ${id}`);
    return found;
  }
  foreignKey(id: string): ForeignKeyDocument {
    const found = (this.doc.foreignKeys ?? []).find((f) => f.id === id);
    if (!found) throw new Error(`no foreign key ${id}`);
    return found;
  }
  index(tableId: string, id: string): IndexDocument {
    const found = (this.table(tableId).indexes ?? []).find((i) => i.id === id);
    if (!found) throw new Error(`no index ${id} in ${tableId}`);
    return found;
  }
  dropTable(id: string): void {
    this.doc.tables = this.doc.tables.filter((t) => t.id !== id);
  }
  dropColumn(tableId: string, id: string): void {
    const table = this.table(tableId);
    table.columns = table.columns.filter((c) => c.id !== id);
  }
  dropForeignKey(id: string): void {
    this.doc.foreignKeys = (this.doc.foreignKeys ?? []).filter((f) => f.id !== id);
  }
}

/** The normalized design of a document that must be valid (the test is wrong otherwise). */
export function design(document: DesignDocument): Design {
  const report = validateDesign(document);
  if (report.errors.length > 0)
    throw new Error(`invalid test design: ${JSON.stringify(report.errors, null, 2)}`);
  return normalizeDesign(document);
}

/** users(id, email, name) ← posts(id, author_id, title), with an index on author_id: the base of the diff tests. */
export function usersAndPosts() {
  return designDocument(
    [
      table('t_users', 'users', [
        intKey('u_id'),
        column('u_email', 'email', 'VARCHAR', { length: 50, nullable: false, unique: true }),
        column('u_name', 'name', 'TEXT'),
      ]),
      table(
        't_posts',
        'posts',
        [
          intKey('p_id'),
          column('p_author', 'author_id', 'INT'),
          column('p_title', 'title', 'VARCHAR', { length: 100 }),
        ],
        // Index columns by id: a renamed column stays in its index.
        { indexes: [index('posts_author_idx', ['p_author'], { id: 'i_author' })] },
      ),
    ],
    { foreignKeys: [foreignKey('f_author', ['t_posts', 'p_author'], ['t_users', 'u_id'])] },
  );
}
