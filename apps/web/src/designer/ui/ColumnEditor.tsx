import type { ColumnDocument, TableDocument } from '@schema-builder/schema-model/design';
import {
  canonicalDataType,
  DATA_TYPES,
  INTEGER_TYPES,
  LENGTH_TYPES,
  PRECISION_TYPES,
} from '@schema-builder/schema-model/design';
import type { Design, Edit } from '../state/edits.ts';
import { NumberInput, SmallCheckbox, SmallInput, SmallSelect } from './fields.tsx';

interface ColumnEditorProps {
  design: Design;
  table: TableDocument;
  column: ColumnDocument;
  apply: (edit: Edit, mergeKey?: string) => void;
}

/** Every property of a column, each edit undoable (typing in one field is one undo step). */
export function ColumnEditor({ design, table, column, apply }: ColumnEditorProps) {
  const update = (patch: Partial<ColumnDocument>, field: string) =>
    apply({ kind: 'updateColumn', tableId: table.id, columnId: column.id, patch }, `${column.id}:${field}`);
  const dataType = column.dataType.toUpperCase();
  const canonical = canonicalDataType(column.dataType);
  const integer = canonical !== undefined && INTEGER_TYPES.has(canonical);
  const defaultText =
    column.defaultValue === null || column.defaultValue === undefined
      ? ''
      : typeof column.defaultValue === 'string'
        ? column.defaultValue
        : JSON.stringify(column.defaultValue);
  return (
    <fieldset className="flex flex-wrap items-end gap-2 rounded border border-slate-200 p-2 dark:border-slate-700">
      <legend className="sr-only">Properties of column {column.name}</legend>
      <SmallSelect
        label="Type"
        value={dataType}
        onChange={(event) => update({ dataType: event.target.value }, 'type')}
      >
        {DATA_TYPES.map((type) => (
          <option key={type} value={type}>
            {type}
          </option>
        ))}
      </SmallSelect>
      {LENGTH_TYPES.has(dataType as (typeof DATA_TYPES)[number]) && (
        <NumberInput
          label="Length"
          value={column.length}
          onChange={(length) => update({ length }, 'length')}
        />
      )}
      {PRECISION_TYPES.has(dataType as (typeof DATA_TYPES)[number]) && (
        <>
          <NumberInput
            label="Precision"
            value={column.precision}
            onChange={(precision) => update({ precision }, 'precision')}
          />
          <NumberInput label="Scale" value={column.scale} onChange={(scale) => update({ scale }, 'scale')} />
        </>
      )}
      {dataType === 'ENUM' && (
        <SmallSelect
          label="Enum type"
          value={column.enumId ?? ''}
          onChange={(event) => update({ enumId: event.target.value || null }, 'enum')}
        >
          <option value="">(choose)</option>
          {(design.enums ?? []).map((enumType) => (
            <option key={enumType.id} value={enumType.id}>
              {enumType.name}
            </option>
          ))}
        </SmallSelect>
      )}
      <SmallInput
        label="Default"
        value={defaultText}
        placeholder="none"
        onChange={(event) =>
          update({ defaultValue: event.target.value === '' ? null : event.target.value }, 'default')
        }
      />
      <SmallInput
        label="Comment"
        value={column.comment ?? ''}
        onChange={(event) => update({ comment: event.target.value || null }, 'comment')}
      />
      <div className="flex flex-wrap gap-3 pb-1">
        <SmallCheckbox
          label="Primary key"
          checked={column.primaryKey === true}
          onChange={(primaryKey) => update({ primaryKey, ...(primaryKey ? { nullable: false } : {}) }, 'pk')}
        />
        <SmallCheckbox
          label="Not null"
          checked={column.nullable === false || column.primaryKey === true}
          onChange={(notNull) => update({ nullable: !notNull }, 'nullable')}
        />
        <SmallCheckbox
          label="Unique"
          checked={column.unique === true}
          onChange={(unique) => update({ unique }, 'unique')}
        />
        <SmallCheckbox
          label="Identity"
          checked={column.autoIncrement === true}
          onChange={(autoIncrement) => update({ autoIncrement }, 'identity')}
        />
        {integer && (
          <SmallCheckbox
            label="Unsigned"
            checked={column.unsigned === true}
            onChange={(unsigned) => update({ unsigned: unsigned ? true : null }, 'unsigned')}
          />
        )}
        <SmallCheckbox
          label="Array"
          checked={column.array === true}
          onChange={(array) => update({ array: array || null }, 'array')}
        />
      </div>
    </fieldset>
  );
}
