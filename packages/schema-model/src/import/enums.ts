import { LIMITS } from '../design/data-types.ts';
import type { EnumDocument } from '../design/document.ts';
import { byteLength } from '../sql/quote.ts';
import type { IntrospectedEnum } from './catalog.ts';
import type { ImportContext } from './context.ts';
import { importComment, q } from './context.ts';
import { legalName } from './names.ts';

/** Why these values cannot be a design enum (PostgreSQL's rules for labels), or undefined. */
export function enumValuesProblem(values: readonly string[]): string | undefined {
  if (values.length === 0) return 'it has no values';
  if (values.length > 1000) return `it has ${values.length} values, more than the design's 1000`;
  const seen = new Set<string>();
  for (const value of values) {
    if (value === '') return 'it has an empty value';
    if (value.includes('\u0000')) return 'a value contains a NUL character';
    if (byteLength(value) > LIMITS.identifierBytes) {
      return `the value ${q(value)} is longer than ${LIMITS.identifierBytes} bytes`;
    }
    if (seen.has(value)) return `the value ${q(value)} appears twice`;
    seen.add(value);
  }
  return undefined;
}

/**
 * Adds an enum to the document under a free, legal name (enums share PostgreSQL's type
 * namespace with tables) and returns it; undefined (with a warning) when its values cannot be
 * an enum, so that columns fall back to TEXT.
 */
export function addEnum(
  ctx: ImportContext,
  wanted: string,
  values: readonly string[],
  comment: string | null,
  path: ReadonlyArray<string | number>,
): EnumDocument | undefined {
  const problem = enumValuesProblem(values);
  if (problem) {
    ctx.warn(
      'ENUM_UNUSABLE',
      path,
      `Enum ${q(wanted)} cannot be imported because ${problem}; its columns become TEXT.`,
    );
    return undefined;
  }
  const legal = legalName(wanted, 'type');
  const name = ctx.types.claim(legal.name);
  if (name !== wanted) {
    const why = legal.reason ?? 'the name is taken by a table or another enum';
    ctx.warn('NAME_CHANGED', path, `Enum ${q(wanted)} is imported as ${q(name)} because ${why}.`);
  }
  const enumType: EnumDocument = { id: ctx.ids.claim(`e_${name}`), name, values: [...values] };
  const kept = importComment(ctx, comment, path);
  if (kept) enumType.comment = kept;
  ctx.enums.push(enumType);
  return enumType;
}

/** The catalog's own enums (PostgreSQL), by their database name. */
export function importCatalogEnums(ctx: ImportContext, enums: readonly IntrospectedEnum[]): void {
  for (const source of enums) {
    const enumType = addEnum(ctx, source.name, source.values, source.comment, ['enums', source.name]);
    if (enumType) ctx.enumByName.set(source.name, enumType);
  }
}
