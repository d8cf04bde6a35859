import type {
  ImportDialect,
  IntrospectedCatalog,
  IntrospectedForeignKey,
  IntrospectedIndex,
  IntrospectedKey,
  IntrospectedTable,
} from '@schema-builder/schema-model/import';
import { changed, compareColumns } from './compare-columns.test-support.ts';
import type { Score } from './score.test-support.ts';
import { emptyScore, tally } from './score.test-support.ts';

/**
 * Compares a database (`before`) with what its imported design re-creates (`after`), object by
 * object: tables (with comments); columns (type, nullability, default, auto-increment, comment);
 * primary keys (columns in order); unique keys (constraint or unique index: a design has no
 * multi-column UNIQUE constraint, the index enforces the same); foreign keys (columns, target,
 * actions, options); other indexes (by name: columns, method, partial, expression, options, the
 * order of each key, the predicate);
 * enums (values in order). Names the generator makes up (primary-key and unique constraint
 * names) are not compared. `dialect` is the one both catalogs were read from: it decides how
 * defaults read; SQLite's type names compare without case (SQLite ignores it) and MySQL's
 * integers without their display width.
 */
export function compareCatalogs(
  before: IntrospectedCatalog,
  after: IntrospectedCatalog,
  dialect: ImportDialect = 'postgresql',
): Score {
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
    compareColumns(score, table, other, dialect);
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
    // The order of each key, and the predicate, where the introspector reads them.
    ...(index.keys ?? []).flatMap((key) => {
      const name = key.column ?? key.expression ?? '';
      const nulls =
        key.nullsFirst === undefined || key.nullsFirst === key.descending
          ? ''
          : key.nullsFirst
            ? ' NULLS FIRST'
            : ' NULLS LAST';
      return key.descending || nulls !== '' ? [`${name}${key.descending ? ' DESC' : ''}${nulls}`] : [];
    }),
    ...(index.where !== undefined ? [`WHERE ${predicateMeaning(index.where)}`] : []),
  ];
}

/**
 * A predicate as engines write it back differently (PostgreSQL adds parentheses, quotes and casts,
 * SQLite keeps the text as typed): compared without those, `!=` as `<>`, without case.
 */
function predicateMeaning(text: string): string {
  return (
    text
      .replace(/::"?[a-z_]\w*"?(\s+(varying|precision))?(\(\d+(,\s*\d+)?\))?(\[\])?/gi, '')
      .replace(/!=/g, '<>')
      .replace(/[\s"`()]/g, '')
      // `x = ANY (ARRAY[…])`, PostgreSQL's form of `x IN (…)`, which MySQL and SQLite write back.
      .replace(/=anyarray\[([^\]]*)\]/gi, 'in$1')
      .toLowerCase()
  );
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
  // SQLite does not report foreign-key names: those match by columns and target instead.
  const key = (fk: IntrospectedForeignKey) => fk.name ?? `${list(fk.columns)} → ${fk.refTable}`;
  const after = new Map(other?.foreignKeys.map((fk) => [key(fk), fk]));
  for (const fk of table.foreignKeys) {
    const match = after.get(key(fk));
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
