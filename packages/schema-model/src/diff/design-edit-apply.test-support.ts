import { canonicalDataType } from '../design/data-types.ts';
import type { ColumnDocument, DesignDocument, TableDocument } from '../design/document.ts';
import type { Edit } from './design-edits.test-support.ts';

/** Test support: one random edit applied to a document in place (it may do nothing). */

const at = <T>(list: readonly T[] | null | undefined, n: number): T | undefined =>
  list && list.length > 0 ? list[n % list.length] : undefined;

/** Safe widenings per canonical type; `choice` picks between two where there are two. */
function widen(column: ColumnDocument, choice: boolean): Partial<ColumnDocument> | undefined {
  switch (canonicalDataType(column.dataType)) {
    case 'VARCHAR':
      return choice || column.length == null
        ? { dataType: 'TEXT', length: null }
        : { length: column.length + 5 };
    case 'CHAR':
      return { dataType: 'TEXT', length: null };
    case 'SMALLINT':
      return { dataType: 'INTEGER' };
    case 'INTEGER':
      return { dataType: 'BIGINT' };
    case 'REAL':
      return { dataType: 'DOUBLE' };
    case 'DECIMAL':
    case 'NUMERIC':
      return choice || column.precision == null || column.precision >= 1000
        ? { precision: null, scale: null }
        : { precision: column.precision + 1 };
    case 'DATE':
      return { dataType: 'TIMESTAMP' };
    case 'TIMESTAMP':
      return { dataType: 'TIMESTAMPTZ' };
    case 'JSON':
      return { dataType: 'JSONB' };
    case 'BINARY':
      return { dataType: 'VARBINARY' };
    case 'VARBINARY':
      return choice || column.length == null || column.length >= 65_535
        ? { dataType: 'BYTEA', length: null }
        : { length: column.length + 5 };
    case 'BYTEA':
      return { length: null };
    default:
      return undefined;
  }
}

const isInteger = (column: ColumnDocument) =>
  column.array !== true &&
  ['SMALLINT', 'INTEGER', 'BIGINT'].includes(canonicalDataType(column.dataType) ?? '');

let added = 0;

export function applyEdit(doc: DesignDocument, edit: Edit): void {
  const table: TableDocument | undefined = 'pick' in edit ? at(doc.tables, edit.pick) : undefined;
  const column =
    table && 'column' in edit && typeof edit.column === 'number' ? at(table.columns, edit.column) : undefined;
  const fk = 'pick' in edit ? at(doc.foreignKeys, edit.pick) : undefined;
  const enumType = 'pick' in edit ? at(doc.enums, edit.pick) : undefined;
  switch (edit.kind) {
    case 'renameTable':
      if (table) table.name = edit.name;
      return;
    case 'swapTableNames': {
      const other = at(doc.tables, edit.other);
      if (table && other) [table.name, other.name] = [other.name, table.name];
      return;
    }
    case 'renameColumn':
      if (column) column.name = edit.name;
      return;
    case 'swapColumnNames': {
      const other = table && at(table.columns, edit.other);
      if (column && other) [column.name, other.name] = [other.name, column.name];
      return;
    }
    case 'addColumn': {
      added += 1;
      const { typed } = edit;
      if (!table || typed.dataType.toUpperCase() === 'ENUM') return;
      table.columns.push({
        id: `added_${added}`,
        name: edit.name,
        dataType: typed.dataType,
        ...(typed.length === undefined ? {} : { length: typed.length }),
        ...(typed.precision === undefined ? {} : { precision: typed.precision }),
        ...(typed.scale === undefined ? {} : { scale: typed.scale }),
        ...(typed.unsigned === undefined ? {} : { unsigned: typed.unsigned }),
        ...(typed.array === true ? { array: true } : {}),
        ...(typed.defaultValue === undefined ? {} : { defaultValue: typed.defaultValue }),
        nullable: edit.nullable,
      });
      return;
    }
    case 'dropColumn':
      if (!table || !column) return;
      table.columns = table.columns.filter((c) => c !== column);
      for (const index of table.indexes ?? [])
        index.columns = index.columns.filter((c) => c !== column.name && c !== column.id);
      table.indexes = (table.indexes ?? []).filter((i) => i.columns.length > 0);
      doc.foreignKeys = (doc.foreignKeys ?? []).filter(
        (f) =>
          !(f.sourceTableId === table.id && (f.sourceColumnIds ?? [f.sourceColumnId]).includes(column.id)),
      );
      return;
    case 'addTable':
      added += 1;
      doc.tables.push({
        id: `added_table_${added}`,
        name: edit.name,
        columns: [
          {
            id: `added_table_${added}_id`,
            name: 'id',
            dataType: 'INT',
            primaryKey: true,
            autoIncrement: true,
          },
        ],
      });
      return;
    case 'dropTable':
      if (!table) return;
      doc.tables = doc.tables.filter((t) => t !== table);
      doc.foreignKeys = (doc.foreignKeys ?? []).filter(
        (f) => f.sourceTableId !== table.id && f.targetTableId !== table.id,
      );
      return;
    case 'widenType': {
      const change = column && widen(column, edit.choice);
      if (column && change) Object.assign(column, change);
      return;
    }
    case 'toggleNullable':
      if (column) column.nullable = column.nullable === false;
      return;
    case 'toggleUnique':
      if (column) column.unique = column.unique !== true;
      return;
    case 'toggleIdentity': {
      const integer = table && at(table.columns.filter(isInteger), edit.column);
      if (integer)
        Object.assign(integer, {
          autoIncrement: integer.autoIncrement !== true,
          defaultValue: null,
          nullable: false,
        });
      return;
    }
    case 'toText':
      if (column)
        Object.assign(column, {
          dataType: 'TEXT',
          length: null,
          precision: null,
          scale: null,
          enumId: null,
          unsigned: null,
        });
      return;
    case 'setEnumDefault': {
      const typed =
        table &&
        at(
          table.columns.filter((c) => c.enumId != null),
          edit.column,
        );
      const values = (doc.enums ?? []).find((e) => e.id === typed?.enumId)?.values;
      if (typed && values) typed.defaultValue = at(values, edit.at) ?? null;
      return;
    }
    case 'togglePrimaryKey':
      if (column) Object.assign(column, { primaryKey: column.primaryKey !== true, nullable: false });
      return;
    case 'foreignKeyAction':
      if (fk) fk.onDelete = edit.action;
      return;
    case 'renameForeignKey':
      if (fk) fk.name = edit.name ?? null;
      return;
    case 'renameEnum':
      if (enumType) enumType.name = edit.name;
      return;
    case 'addEnumValue': {
      if (!enumType) return;
      enumType.values.splice(edit.at % (enumType.values.length + 1), 0, edit.value);
      // A new value used as a default: the plan must commit the value first.
      const user = doc.tables.flatMap((t) => t.columns).find((c) => c.enumId === enumType.id);
      if (edit.useAsDefault && user) Object.assign(user, { defaultValue: edit.value, autoIncrement: false });
      return;
    }
    case 'removeEnumValue':
      if (enumType && enumType.values.length > 1) enumType.values.splice(edit.at % enumType.values.length, 1);
      return;
    case 'renameEnumValue':
      if (enumType && enumType.values.length > 0)
        enumType.values[edit.at % enumType.values.length] = edit.value;
      return;
    case 'renameIndex': {
      const index = table && at(table.indexes, edit.pick);
      if (index) index.name = edit.name;
      return;
    }
    case 'dropIndex':
      if (table) table.indexes = (table.indexes ?? []).slice(1);
      return;
    case 'comment':
      if (edit.column === undefined && table) table.comment = edit.text ?? null;
      else if (column) column.comment = edit.text ?? null;
      return;
  }
}
