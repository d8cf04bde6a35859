import { checkSqlExpression } from './check.ts';
import { fieldsOf, kindOf, stringsOf, walk } from './tree.ts';

export interface RelationReference {
  schema?: string;
  name: string;
}

/**
 * The tables and views a query reads (its FROM and JOIN items, in subqueries too), without the
 * names its own WITH defines. Empty when the query does not parse. A view depends on these.
 */
export function relationsReferenced(queryText: string): RelationReference[] {
  const checked = checkSqlExpression(queryText, 'query');
  if (!checked.ok) return [];
  const nodes = walk(checked.node);
  const cteNames = new Set(
    nodes.filter((node) => kindOf(node) === 'CommonTableExpr').map((node) => String(fieldsOf(node).ctename)),
  );
  const seen = new Map<string, RelationReference>();
  for (const node of nodes) {
    if (kindOf(node) !== 'RangeVar') continue;
    const fields = fieldsOf(node);
    const name = String(fields.relname);
    const schema = typeof fields.schemaname === 'string' ? fields.schemaname : undefined;
    if (schema === undefined && cteNames.has(name)) continue;
    const reference = schema === undefined ? { name } : { schema, name };
    seen.set(`${schema ?? ''}.${name}`, reference);
  }
  return [...seen.values()];
}

/** The column names an expression reads (unqualified; the last part of a qualified name). */
export function columnsReferenced(expressionText: string): string[] {
  const checked = checkSqlExpression(expressionText, 'expression');
  if (!checked.ok) return [];
  const names = walk(checked.node)
    .filter((node) => kindOf(node) === 'ColumnRef')
    .map((node) => stringsOf(fieldsOf(node).fields).at(-1))
    .filter((name): name is string => name !== undefined);
  return [...new Set(names)];
}
