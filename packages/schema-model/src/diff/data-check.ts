import { quoteIdent, quotePostgresLiteral, quoteQualified } from '../sql/quote.ts';
import { castFailurePredicate } from './cast-predicates.ts';
import type { DataCheck } from './types.ts';

/**
 * The query counting the rows a check is about: `SELECT count(*) …` returning one bigint; above 0
 * the step it belongs to would fail. Every identifier is quoted and every value a literal, so the
 * API can run it as is against the database before migrating.
 */
export function renderPostgresDataCheck(check: DataCheck): string {
  const table = quoteQualified(check.schema, check.table);
  const columns = check.columns.map(quoteIdent);
  const all = (suffix: string, prefix = '') => columns.map((c) => `${prefix}${c} ${suffix}`).join(' AND ');
  const any = (make: (column: string) => string) => columns.map(make).join(' OR ');
  switch (check.kind) {
    case 'nulls':
      return `SELECT count(*) FROM ${table} WHERE ${any((c) => `${c} IS NULL`)}`;
    case 'duplicates':
      return `SELECT count(*) FROM (SELECT count(*) OVER (PARTITION BY ${columns.join(', ')}) AS n FROM ${table} WHERE ${all('IS NOT NULL')}) AS keys WHERE n > 1`;
    case 'orphans': {
      const pairs = check.refColumns.map((ref, i) => `r.${quoteIdent(ref)} = s.${columns[i] ?? ''}`);
      return `SELECT count(*) FROM ${table} AS s WHERE ${all('IS NOT NULL', 's.')} AND NOT EXISTS (SELECT 1 FROM ${quoteQualified(check.refSchema, check.refTable)} AS r WHERE ${pairs.join(' AND ')})`;
    }
    case 'too_long':
      return `SELECT count(*) FROM ${table} WHERE ${any((c) => `char_length(rtrim(${c}::text)) > ${check.maxLength}`)}`;
    case 'cast':
      return `SELECT count(*) FROM ${table} WHERE ${any(
        (c) =>
          `(${c} IS NOT NULL AND (${castFailurePredicate(check.from, check.to, c, check.enumValues) ?? 'false'}))`,
      )}`;
    case 'values':
      if (check.values.length === 0) return `SELECT count(*) FROM ${table} WHERE false`;
      return `SELECT count(*) FROM ${table} WHERE ${any((c) => `${c}::text IN (${check.values.map(quotePostgresLiteral).join(', ')})`)}`;
    case 'rows':
      return `SELECT count(*) FROM ${table}`;
  }
}
