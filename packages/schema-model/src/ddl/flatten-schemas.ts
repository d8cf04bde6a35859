import type { Design, EnumType, Table } from '../design/model.ts';
import { changeComment, type ExportWarning } from './export-warning.ts';
import { uniqueIdentifier } from './naming.ts';

/** Between a schema's name and its object's in a flattened name: `sales__orders`. */
export const SCHEMA_SEPARATOR = '__';

/** A design with its schemas folded into names, and what that changed. */
export interface FlattenedDesign {
  design: Design;
  /** SCHEMA_FLATTENED at each moved table, COMMENT_DROPPED at each schema comment. */
  warnings: ExportWarning[];
  /** Flattened table name → the SQL comment to write before its CREATE TABLE. */
  notes: Map<string, string>;
}

/**
 * MySQL and SQLite exports run in one database of one connection, which is one namespace: a
 * MySQL "schema" is a database of its own (the script would have to create and switch
 * databases, and its user may have rights on one only), and SQLite's attached databases last
 * only as long as the connection. So a table of a schema other than the default is written as
 * `schema__table` (its named indexes `schema__index`, as SQLite's index names are per
 * database), reported as SCHEMA_FLATTENED at the table. A flattened name that meets another
 * table's (compared without case, as both engines may) gets `_1`, `_2`, … and the warning says
 * so; names are fitted to 63 bytes as every generated name is. Enums keep no name in either
 * engine (their values go inline); they are renamed the same way only to stay apart. Designs
 * without schemas come back unchanged.
 */
export function flattenSchemas(design: Design, engine: 'MySQL' | 'SQLite'): FlattenedDesign {
  const schemas = new Map((design.schemas ?? []).map((s) => [s.id, s.name]));
  const warnings: ExportWarning[] = [];
  const notes = new Map<string, string>();
  if (schemas.size === 0) return { design, warnings, notes };

  (design.schemas ?? []).forEach((schema, s) => {
    if (schema.comment !== undefined)
      warnings.push({
        code: 'COMMENT_DROPPED',
        path: `schemas[${s}]`,
        message: `${engine} has no schemas, so no comment on schema ${JSON.stringify(schema.name)}`,
      });
  });

  const taken = new Set(
    design.tables.filter((t) => t.schemaId === undefined).map((t) => t.name.toLowerCase()),
  );
  // Index names are per database in SQLite (and fitted like every name): kept apart design-wide.
  const indexTaken = new Set(
    design.tables
      .filter((t) => t.schemaId === undefined)
      .flatMap((t) => t.indexes.map((index) => index.name.toLowerCase())),
  );
  const flattenedIndex = (schema: string, name: string): string => {
    const flattened = uniqueIdentifier(`${schema}${SCHEMA_SEPARATOR}${name}`, (n) =>
      indexTaken.has(n.toLowerCase()),
    );
    indexTaken.add(flattened.toLowerCase());
    return flattened;
  };
  const tables = design.tables.map((table, t): Table => {
    const schema = table.schemaId === undefined ? undefined : schemas.get(table.schemaId);
    if (schema === undefined) return table;
    const wanted = `${schema}${SCHEMA_SEPARATOR}${table.name}`;
    const name = uniqueIdentifier(wanted, (n) => taken.has(n.toLowerCase()));
    taken.add(name.toLowerCase());
    const clash = name === wanted ? '' : ` (${JSON.stringify(wanted)} is taken or too long)`;
    const message = `${engine} has one namespace per database: table ${JSON.stringify(table.name)} of schema ${JSON.stringify(schema)} is ${JSON.stringify(name)}${clash}`;
    warnings.push({ code: 'SCHEMA_FLATTENED', path: `tables[${t}]`, message });
    notes.set(name, changeComment({ code: 'SCHEMA_FLATTENED', message }));
    const { schemaId: _moved, ...rest } = table;
    return {
      ...rest,
      name,
      indexes: table.indexes.map((index) =>
        index.name.trim() === '' ? index : { ...index, name: flattenedIndex(schema, index.name) },
      ),
    };
  });

  const enumTaken = new Set(design.enums.filter((e) => e.schemaId === undefined).map((e) => e.name));
  const enums = design.enums.map((enumType): EnumType => {
    const schema = enumType.schemaId === undefined ? undefined : schemas.get(enumType.schemaId);
    if (schema === undefined) return enumType;
    const name = uniqueIdentifier(`${schema}${SCHEMA_SEPARATOR}${enumType.name}`, (n) => enumTaken.has(n));
    enumTaken.add(name);
    const { schemaId: _moved, ...rest } = enumType;
    return { ...rest, name };
  });

  const { schemas: _folded, ...rest } = design;
  return { design: { ...rest, tables, enums }, warnings, notes };
}

/** Each statement with the flattening note before the CREATE TABLE of a flattened table. */
export function markFlattened(
  statements: readonly string[],
  notes: ReadonlyMap<string, string>,
  quote: (name: string) => string,
): string[] {
  if (notes.size === 0) return [...statements];
  const heads = new Map([...notes].map(([name, note]) => [`CREATE TABLE ${quote(name)} (`, note]));
  return statements.map((sql) => {
    // The CREATE TABLE line starts `CREATE TABLE <name> (`; what follows (columns, table options)
    // differs by engine.
    const line = sql.split('\n').find((each) => each.startsWith('CREATE TABLE '));
    const head = line === undefined ? undefined : [...heads.keys()].find((key) => line.startsWith(key));
    const note = head === undefined ? undefined : heads.get(head);
    return note === undefined ? sql : `${note}\n${sql}`;
  });
}
