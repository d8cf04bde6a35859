import type { ExportWarning, SqlDialect } from '@schema-builder/schema-model/ddl';
import { generateDdl } from '@schema-builder/schema-model/ddl';
import type { Design } from '@schema-builder/schema-model/design';
import { normalizeDesign } from '@schema-builder/schema-model/design';
import type { ImportWarning } from '@schema-builder/schema-model/import';
import { compareCatalogs } from './compare.test-support.ts';
import type { LiveImport } from './engines.test-support.ts';
import { runAndRead } from './engines.test-support.ts';
import type { ExportDifference } from './export-changes.test-support.ts';
import { designObjects, exportDifferences, silentDifferences } from './export-changes.test-support.ts';
import type { Difference } from './score.test-support.ts';

/**
 * One cell of the corpus matrix for one design: the design the live import made of a corpus
 * set (source engine), exported to a dialect, the export run on that dialect's engine, read back
 * by the live import, and compared.
 *
 * - Every object of the design (each element of each collection: tables, columns, indexes,
 *   foreign keys, enums, and whatever the model grows) is compared with the design read back
 *   (`exportDifferences`); a difference is named when an export warning, or an import warning
 *   located on the same object, sits at its path.
 * - When source and target are the same engine, the source catalog is also compared with the
 *   target's object by object (`compareCatalogs`): that finds what the import changed without a
 *   word (a design compare cannot, the design being the import's own word). A difference there is
 *   named as `catalogDifferenceNamed` says.
 * - The objects the import dropped (each a warning at a path no design object has) count as
 *   objects, lost and warned.
 */
export interface CellOutcome {
  executed: boolean;
  error?: string;
  /** Objects of the source: the design's, and those the import dropped. */
  objects: number;
  /** Objects that compared equal, with no loss reported on import. */
  preserved: number;
  /** Warned losses by code: the import's (lossy ones) and the export's. */
  warned: Record<string, number>;
  silent: SilentLoss[];
}

/** A difference no warning names. */
export interface SilentLoss {
  /** Where: a design path (`tables[2].columns[1]`), or a catalog object on same-engine cells. */
  path: string;
  /** The object by name (`film.title`), stable across runs and readable. */
  object: string;
  what: string;
  /**
   * Set on a loss of the import itself, found on the same-engine cell: the catalogs differ where
   * the designs do not, so the design already held the change. It is a loss of every target's
   * cell of that source (`spot`: the design object it concerns).
   */
  byImport?: { spot?: string };
}

/**
 * Import warnings that report a faithful rendering, not a loss, as the import coverage counts
 * them: a default or sequence written another way, a multi-column UNIQUE held as a unique index.
 */
const HARMLESS: ReadonlySet<string> = new Set([
  'DEFAULT_REWRITTEN',
  'SEQUENCE_AS_AUTO_INCREMENT',
  'UNIQUE_AS_INDEX',
]);

/** Where an import warning (`tables.film.columns.title`) is in the design (`tables[3].columns[1]`). */
function designPathOf(design: Design, importPath: string): string | undefined {
  const [kind, name, sub, subName] = splitPath(importPath);
  if (kind === 'enums') {
    const e = design.enums.findIndex((x) => x.name === name);
    return e < 0 ? undefined : `enums[${e}]`;
  }
  if (kind !== 'tables') return undefined;
  const t = design.tables.findIndex((table) => table.name === name);
  const table = design.tables[t];
  if (table === undefined) return undefined;
  if (sub === undefined) return `tables[${t}]`;
  if (sub === 'columns') {
    const c = table.columns.findIndex((column) => column.name === subName);
    return c < 0 ? undefined : `tables[${t}].columns[${c}]`;
  }
  if (sub === 'indexes') {
    const i = table.indexes.findIndex((index) => index.name === subName);
    return i < 0 ? undefined : `tables[${t}].indexes[${i}]`;
  }
  if (sub === 'foreignKeys') {
    const f = design.foreignKeys.findIndex((fk) => fk.sourceTableId === table.id && fk.name === subName);
    return f < 0 ? undefined : `foreignKeys[${f}]`;
  }
  return undefined;
}

/** `tables.film.columns.title` → its four parts (a column name may hold a dot: the rest is it). */
function splitPath(path: string): [string, string | undefined, string | undefined, string | undefined] {
  const [kind = '', ...rest] = path.split('.');
  const subAt = rest.findIndex(
    (part, i) => i > 0 && /^(columns|indexes|foreignKeys|uniqueConstraints|primaryKey|checks)$/.test(part),
  );
  if (subAt < 0) return [kind, rest.join('.') || undefined, undefined, undefined];
  return [kind, rest.slice(0, subAt).join('.'), rest[subAt], rest.slice(subAt + 1).join('.') || undefined];
}

/** The design path of a table by name. */
function tableSpot(design: Design, table: string): string | undefined {
  const t = design.tables.findIndex((x) => x.name === table);
  return t < 0 ? undefined : `tables[${t}]`;
}

/** Where a catalog difference is: its table, its import warning path, its design path. */
interface CatalogSpot {
  table?: string;
  importPath: string;
  spot?: string;
}

/**
 * Locates a difference `compareCatalogs` found (`film.title`, `film unique film_title_key`): its
 * table is the longest table name the object starts with (names may hold dots and spaces).
 */
function locate(difference: Difference, design: Design, tables: readonly string[]): CatalogSpot {
  const { category, object } = difference;
  if (category === 'enums') {
    const importPath = `enums.${object}`;
    return { importPath, spot: designPathOf(design, importPath) };
  }
  const table =
    tables
      .filter((name) => object === name || object.startsWith(`${name}.`) || object.startsWith(`${name} `))
      .sort((a, b) => b.length - a.length)[0] ?? object;
  if (category === 'columns') {
    const importPath = `tables.${table}.columns.${object.slice(table.length + 1)}`;
    return { table, importPath, spot: designPathOf(design, importPath) };
  }
  return { table, importPath: `tables.${table}`, spot: tableSpot(design, table) };
}

/**
 * A catalog difference of a same-engine cell, named by a warning? An enum's or a column's by a
 * warning at its path (or its table's import warning); a table's, key's, foreign key's or
 * index's by any warning on its table or within it.
 */
function catalogDifferenceNamed(
  { category }: Difference,
  { table, importPath, spot }: CatalogSpot,
  importWarnings: readonly ImportWarning[],
  exportWarnings: readonly ExportWarning[],
): boolean {
  if (category === 'enums' || table === undefined)
    return importWarnings.some((w) => w.path === importPath) || exportWarnings.some((w) => w.path === spot);
  if (category === 'columns')
    return (
      importWarnings.some((w) => w.path === importPath || w.path === `tables.${table}`) ||
      exportWarnings.some((w) => w.path === spot)
    );
  // `spot` is the table's design path here.
  return (
    importWarnings.some((w) => w.path === importPath || w.path.startsWith(`${importPath}.`)) ||
    exportWarnings.some((w) => spot !== undefined && (w.path === spot || w.path.startsWith(`${spot}.`)))
  );
}

/** The object a design path names, by name (`film.title`), for the report and the allow-list. */
function objectName(design: Design, path: string): string {
  const match = /^(\w+)\[(\d+)\](?:\.(\w+)\[(\d+)\])?/.exec(path);
  if (!match) return path;
  const [, kind = '', i = '0', sub, j] = match;
  const root = (design as unknown as Record<string, unknown>)[kind];
  const element = Array.isArray(root) ? (root[Number(i)] as Record<string, unknown> | undefined) : undefined;
  const name = typeof element?.name === 'string' ? element.name : `${kind}[${i}]`;
  if (sub === undefined || j === undefined) {
    if (kind !== 'foreignKeys' || element === undefined) return name;
    const source = design.tables.find((t) => t.id === element.sourceTableId)?.name;
    return `${source}.${typeof element.name === 'string' ? element.name : `fk[${i}]`}`;
  }
  const children = element?.[sub];
  const child = Array.isArray(children)
    ? (children[Number(j)] as Record<string, unknown> | undefined)
    : undefined;
  return `${name}.${typeof child?.name === 'string' ? child.name : `${sub}[${j}]`}`;
}

const firstLine = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 200) ?? '';

/**
 * Exports `source` to `target`, runs it on the engine, reads it back and compares. `importLosses`
 * are the silent losses of the import the same-engine cell found (measure it first): they are
 * losses of this cell too.
 */
export async function measureCell(
  source: LiveImport,
  sourceDialect: SqlDialect,
  target: SqlDialect,
  importLosses: readonly SilentLoss[] = [],
): Promise<CellOutcome> {
  const design = normalizeDesign(source.result.document);
  const ddl = generateDdl(design, { dialect: target });
  const importWarnings = source.result.warnings.filter((w) => !HARMLESS.has(w.code));

  // Import warnings on a design object, and those of objects the import dropped.
  const importedAt = new Map<string, ImportWarning[]>();
  const dropped = new Set<string>();
  for (const warning of importWarnings) {
    const spot = designPathOf(design, warning.path);
    if (spot === undefined) dropped.add(warning.path);
    else importedAt.set(spot, [...(importedAt.get(spot) ?? []), warning]);
  }
  const warned: Record<string, number> = {};
  for (const w of [...importWarnings, ...ddl.warnings]) warned[w.code] = (warned[w.code] ?? 0) + 1;

  const objects = designObjects(design, target);
  const base = { objects: objects.length + dropped.size, warned };
  let rebuilt: LiveImport;
  try {
    rebuilt = await runAndRead(target, [ddl.sql], source.result.document.name);
  } catch (error) {
    return { executed: false, error: firstLine(error), ...base, preserved: 0, silent: [] };
  }

  const differences: ExportDifference[] = exportDifferences(
    design,
    normalizeDesign(rebuilt.result.document),
    target,
  );
  // A view the engine created but whose text the import cannot take back exactly is named by
  // that import's UNSUPPORTED_VIEW warning (the export itself was faithful).
  const viewAt = new Map((design.views ?? []).map((view, i) => [view.name, `views[${i}]`]));
  const viewsNotReadBack = rebuilt.result.warnings.flatMap((w) => {
    const path = w.code === 'UNSUPPORTED_VIEW' ? viewAt.get(w.path.replace(/^views\./, '')) : undefined;
    return path === undefined ? [] : [{ path }];
  });
  const namedBy = [...ddl.warnings, ...[...importedAt].flatMap(([path]) => [{ path }]), ...viewsNotReadBack];
  const silent: SilentLoss[] = silentDifferences(differences, namedBy).map((d) => ({
    path: d.path,
    object: objectName(design, d.path),
    what: d.what,
  }));
  const changed = new Set(differences.map((d) => d.path));
  for (const loss of importLosses) {
    silent.push(loss);
    if (loss.byImport?.spot !== undefined) changed.add(loss.byImport.spot);
  }

  if (target === sourceDialect) {
    const differing = new Set(changed);
    const score = compareCatalogs(source.catalog, rebuilt.catalog, target);
    const tables = source.catalog.tables.map((table) => table.name);
    for (const difference of score.differences) {
      const where = locate(difference, design, tables);
      if (where.spot !== undefined) changed.add(where.spot);
      if (!catalogDifferenceNamed(difference, where, importWarnings, ddl.warnings))
        silent.push({
          path: `catalog ${difference.category}`,
          object: difference.object,
          what: difference.what,
          // The designs agree there: the import's design already held the change.
          ...(where.spot === undefined || !differing.has(where.spot)
            ? { byImport: { spot: where.spot } }
            : {}),
        });
    }
  }
  const preserved = objects.filter((o) => !changed.has(o.path) && !importedAt.has(o.path)).length;
  return { executed: true, ...base, preserved, silent };
}
