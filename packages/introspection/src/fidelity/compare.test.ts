import type {
  IntrospectedCatalog,
  IntrospectedColumn,
  IntrospectedTable,
} from '@schema-builder/schema-model/import';
import { describe, expect, test } from 'vitest';
import { compareCatalogs } from './compare.test-support.ts';
import { floorViolations } from './floors.test-support.ts';

const column = (name: string, extra: Partial<IntrospectedColumn> = {}): IntrospectedColumn => ({
  name,
  nativeType: 'integer',
  nullable: true,
  default: null,
  autoIncrement: false,
  comment: null,
  ...extra,
});

const table = (columns: IntrospectedColumn[], extra: Partial<IntrospectedTable> = {}): IntrospectedTable => ({
  name: 't',
  comment: null,
  columns,
  primaryKey: { name: 't_pkey', columns: ['id'] },
  uniqueConstraints: [],
  indexes: [],
  foreignKeys: [],
  ...extra,
});

const catalog = (tables: IntrospectedTable[]): IntrospectedCatalog => ({
  schema: 'public',
  tables,
  enums: [],
  unsupported: [],
});

describe('comparing a database with what its design re-creates', () => {
  test('a serial and an identity column both number rows; NULL::type is no default; equivalent spellings match', () => {
    const before = table([
      column('id', { default: "nextval('t_id_seq'::regclass)", nullable: false }),
      column('note', { nativeType: 'text', default: 'NULL::text' }),
      column('day', { nativeType: 'date', default: "('now'::text)::date" }),
    ]);
    const after = table([
      column('id', { autoIncrement: true, nullable: false }),
      column('note', { nativeType: 'text' }),
      column('day', { nativeType: 'date', default: 'CURRENT_DATE' }),
    ]);
    const score = compareCatalogs(catalog([before]), catalog([after]));
    expect(score.differences).toEqual([]);
    expect(score.counts.columns).toEqual({ matched: 3, total: 3 });
  });

  test('a multi-column unique constraint matches the unique index that replaces it; a partial one does not', () => {
    const partial = {
      name: 'u_partial',
      columns: ['a', 'b'],
      unique: true,
      partial: true,
      expression: false,
      method: null,
      options: [],
      definition: null,
    };
    const before = table([column('id'), column('a'), column('b')], {
      uniqueConstraints: [{ name: 'u', columns: ['a', 'b'] }],
      indexes: [partial],
    });
    const after = table([column('id'), column('a'), column('b')], {
      indexes: [{ ...partial, name: 'u', partial: false }],
    });
    const score = compareCatalogs(catalog([before]), catalog([after]));
    expect(score.counts.uniques).toEqual({ matched: 1, total: 2 });
    expect(score.differences.map((d) => d.what)).toEqual(['missing (partial)']);
    expect(floorViolations(score)).toEqual([]);
  });

  test('what must always come back is a floor violation when it does not', () => {
    const before = table([column('id', { nullable: false }), column('gone')]);
    const after = table([column('id')]);
    expect(floorViolations(compareCatalogs(catalog([before]), catalog([after])))).toEqual([
      'columns t.id: nullable false → true',
      'columns t.gone: missing',
    ]);
  });
});
