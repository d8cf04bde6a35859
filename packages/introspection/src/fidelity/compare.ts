import type {
  IntrospectedCatalog,
  IntrospectedColumn,
  IntrospectedIndex,
  IntrospectedKey,
  IntrospectedTable,
} from '@schema-builder/schema-model';
import { parseDefault } from '@schema-builder/schema-model';
import type { Score } from './score.ts';
import { emptyScore, tally } from './score.ts';

/**
 * Compares a database (`before`) with what its imported design re-creates (`after`), object by
 * object: tables (with comments); columns (type, nullability, default, auto-increment, comment);
 * primary keys (columns in order); unique keys (constraint or unique index: a design has no
 * multi-column UNIQUE constraint, the index enforces the same); foreign keys (columns, target,
 * actions, options); other indexes (by name: columns, method, partial, expression, options);
 * enums (values in order). Names the generator makes up (primary-key and unique constraint
 * names) are not compared.
 */
export function compareCatalogs(before: IntrospectedCatalog, after: IntrospectedCatalog): Score {
  const score = emptyScore();
  const afterTables = new Map(after.tables.map((table) => [table.name, table]));
  for (const table of before.tables) {
    const other = afterTables.get(table.name);
    tally(
      score,
      'tables',
      table.name,
      other ? changed('comment', table.comment, other.comment) : ['missing'],
    );
    compareColumns(score, table, other);
    const key = table.primaryKey;
    if (key) {
      const otherKey = other?.primaryKey;
      tally(
        score,
        'primaryKeys',
        table.name,
        otherKey ? changed('columns', list(key.columns), list(otherKey.columns)) : ['missing'],
      );
    }
    compareUniques(score, table, other);
    compareForeignKeys(score, table, other);
    compareIndexes(score, table, other);
  }
  const afterEnums = new Map(after.enums.map((e) => [e.name, e]));
  for (const enumType of before.enums) {
    const other = afterEnums.get(enumType.name);
    tally(
      score,
      'enums',
      enumType.name,
      other ? changed('values', list(enumType.values), list(other.values)) : ['missing'],
    );
  }
  return score;
}

const list = (items: readonly string[]) => `(${items.join(', ')})`;

function changed(what: string, before: unknown, after: unknown): string[] {
  return before === after ? [] : [`${what} ${String(before)} → ${String(after)}`];
}

/**
 * Defaults compare by meaning: `NULL::character varying` is no default, `('now'::text)::date` is
 * CURRENT_DATE, and `'x'::citext` equals `'x'::text` (a type change is reported on the type).
 */
function defaultChange(before: string | null, after: string | null): string[] {
  const meaning = (text: string | null) => {
    if (text === null) return 'none';
    const parsed = parseDefault(text, 'postgresql');
    if (parsed.kind === 'null') return 'none';
    return parsed.kind === 'expression' ? `expression ${parsed.expression}` : JSON.stringify(parsed);
  };
  return meaning(before) === meaning(after) ? [] : [`default ${before ?? 'none'} → ${after ?? 'none'}`];
}

/** The type as declared: an enum by name, a domain by name with its base type. */
function typeOf(column: IntrospectedColumn): string {
  if (column.enumName !== undefined) return `enum ${column.enumName}`;
  return column.domain !== undefined ? `domain ${column.domain} (${column.nativeType})` : column.nativeType;
}

/** serial, identity and an adopted sequence all mean "the database numbers the rows". */
function autoKind(column: IntrospectedColumn): string {
  if (column.autoIncrement) return column.identityAlways ? 'identity always' : 'auto-increment';
  return column.default !== null && /^nextval\(/i.test(column.default) ? 'auto-increment' : 'none';
}

function compareColumns(score: Score, table: IntrospectedTable, other: IntrospectedTable | undefined): void {
  const afterColumns = new Map(other?.columns.map((column) => [column.name, column]));
  for (const column of table.columns) {
    const object = `${table.name}.${column.name}`;
    const after = afterColumns.get(column.name);
    if (!after) {
      tally(score, 'columns', object, ['missing']);
      continue;
    }
    const auto = [autoKind(column), autoKind(after)] as const;
    tally(score, 'columns', object, [
      ...changed('type', typeOf(column), typeOf(after)),
      ...changed('nullable', column.nullable, after.nullable),
      ...changed('numbering', auto[0], auto[1]),
      ...(auto[0] === 'none' && auto[1] === 'none' ? defaultChange(column.default, after.default) : []),
      ...changed('generated', column.generated ?? null, after.generated ?? null),
      ...changed('comment', column.comment, after.comment),
    ]);
  }
}

/** Unique constraints and unique indexes, as one set of unique keys keyed by their columns and extras. */
function uniqueKeys(table: IntrospectedTable | undefined): Map<string, IntrospectedKey | IntrospectedIndex> {
  const keys = new Map<string, IntrospectedKey | IntrospectedIndex>();
  for (const key of [...(table?.uniqueConstraints ?? []), ...(table?.indexes ?? [])]) {
    if ('unique' in key && !key.unique) continue;
    const extras = indexExtras(key);
    keys.set(`${list(key.columns)}${extras.length ? ` ${extras.join(', ')}` : ''}`, key);
  }
  return keys;
}

function indexExtras(index: IntrospectedKey | IntrospectedIndex): string[] {
  if (!('partial' in index)) return [];
  return [
    ...(index.partial ? ['partial'] : []),
    ...(index.expression ? ['expression'] : []),
    ...(index.method !== null ? [index.method] : []),
    ...index.options,
  ];
}

function compareUniques(score: Score, table: IntrospectedTable, other: IntrospectedTable | undefined): void {
  const after = uniqueKeys(other);
  for (const [columns, key] of uniqueKeys(table)) {
    const extras = indexExtras(key);
    const object = `${table.name} unique ${key.name ?? columns}`;
    tally(
      score,
      'uniques',
      object,
      after.has(columns) ? [] : [`missing${extras.length ? ` (${extras.join(', ')})` : ''}`],
    );
  }
}

function compareForeignKeys(
  score: Score,
  table: IntrospectedTable,
  other: IntrospectedTable | undefined,
): void {
  const after = new Map(other?.foreignKeys.map((fk) => [fk.name, fk]));
  for (const fk of table.foreignKeys) {
    const match = after.get(fk.name);
    const object = `${table.name}.${fk.name ?? list(fk.columns)}`;
    if (!match) {
      const target = `${list(fk.columns)} → ${fk.refSchema ? `${fk.refSchema}.` : ''}${fk.refTable}`;
      tally(score, 'foreignKeys', object, [
        fk.refSchema ? `missing, target in another schema (${target})` : `missing (${target})`,
      ]);
      continue;
    }
    tally(score, 'foreignKeys', object, [
      ...changed('columns', list(fk.columns), list(match.columns)),
      ...changed(
        'target',
        `${fk.refTable}${list(fk.refColumns)}`,
        `${match.refTable}${list(match.refColumns)}`,
      ),
      ...changed('on delete', fk.onDelete, match.onDelete),
      ...changed('on update', fk.onUpdate, match.onUpdate),
      ...changed('options', fk.options.join(' '), match.options.join(' ')),
    ]);
  }
}

function compareIndexes(score: Score, table: IntrospectedTable, other: IntrospectedTable | undefined): void {
  const after = new Map(other?.indexes.map((index) => [index.name, index]));
  for (const index of table.indexes) {
    if (index.unique) continue;
    const match = after.get(index.name);
    const object = `${table.name}.${index.name}`;
    const extras = indexExtras(index);
    if (!match) {
      tally(score, 'indexes', object, [`missing${extras.length ? ` (${extras.join(', ')})` : ''}`]);
      continue;
    }
    tally(score, 'indexes', object, [
      ...changed('columns', list(index.columns), list(match.columns)),
      ...changed('unique', index.unique, match.unique),
      ...changed('extras', extras.join(', '), indexExtras(match).join(', ')),
    ]);
  }
}
