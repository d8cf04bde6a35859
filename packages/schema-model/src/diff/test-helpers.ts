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
 * Shared by the diff tests: terse builders for design documents, and edits of a copy. Ids are
 * given explicitly, since the diff matches by id.
 */

type ColumnExtras = Partial<Omit<ColumnDocument, 'id' | 'name' | 'dataType'>>;

export function col(id: string, name: string, dataType: string, extras: ColumnExtras = {}): ColumnDocument {
  return { id, name, dataType, nullable: true, ...extras };
}

/** An INT identity primary key. */
export function idCol(id: string, name = 'id'): ColumnDocument {
  return { id, name, dataType: 'INT', nullable: false, primaryKey: true, autoIncrement: true };
}

export function tbl(
  id: string,
  name: string,
  columns: ColumnDocument[],
  extras: Partial<Pick<TableDocument, 'comment' | 'indexes'>> = {},
): TableDocument {
  return { id, name, columns, ...extras };
}

export function idx(id: string, name: string, columns: string[], unique = false): IndexDocument {
  return { id, name, columns, unique };
}

export function fk(
  id: string,
  source: [tableId: string, ...columnIds: string[]],
  target: [tableId: string, ...columnIds: string[]],
  extras: Partial<Pick<ForeignKeyDocument, 'name' | 'onDelete' | 'onUpdate'>> = {},
): ForeignKeyDocument {
  const [sourceTableId, ...sourceColumnIds] = source;
  const [targetTableId, ...targetColumnIds] = target;
  return { id, sourceTableId, sourceColumnIds, targetTableId, targetColumnIds, ...extras };
}

export function doc(
  tables: TableDocument[],
  extras: { enums?: EnumDocument[]; foreignKeys?: ForeignKeyDocument[] } = {},
): DesignDocument {
  return { name: 'test', tables, enums: extras.enums ?? [], foreignKeys: extras.foreignKeys ?? [] };
}

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
  return doc(
    [
      tbl('t_users', 'users', [
        idCol('u_id'),
        col('u_email', 'email', 'VARCHAR', { length: 50, nullable: false, unique: true }),
        col('u_name', 'name', 'TEXT'),
      ]),
      tbl(
        't_posts',
        'posts',
        [
          idCol('p_id'),
          col('p_author', 'author_id', 'INT'),
          col('p_title', 'title', 'VARCHAR', { length: 100 }),
        ],
        // Index columns by id: a renamed column stays in its index.
        { indexes: [idx('i_author', 'posts_author_idx', ['p_author'])] },
      ),
    ],
    { foreignKeys: [fk('f_author', ['t_posts', 'p_author'], ['t_users', 'u_id'])] },
  );
}
