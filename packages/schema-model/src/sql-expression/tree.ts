import type { AstNode } from './parser.ts';

/** The kind of a parse tree node (`ColumnRef`, `A_Expr`, …): its single key. */
export function kindOf(node: AstNode): string | undefined {
  const keys = Object.keys(node);
  return keys.length === 1 && /^[A-Z]/.test(keys[0] ?? '') ? keys[0] : undefined;
}

/** The fields of a node (`{ A_Expr: fields }` → fields). */
export function fieldsOf(node: AstNode): AstNode {
  const kind = kindOf(node);
  const fields = kind === undefined ? undefined : node[kind];
  return typeof fields === 'object' && fields !== null ? (fields as AstNode) : {};
}

/** Every node under `root` (itself included), depth first. */
export function walk(root: AstNode): AstNode[] {
  const found: AstNode[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const node = value as AstNode;
    if (kindOf(node) !== undefined) found.push(node);
    for (const inner of Object.values(node)) visit(inner);
  };
  visit(root);
  return found;
}

/** The `sval` of each `String` node in a list (a qualified name, an operator name). */
export function stringsOf(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: AstNode) => {
    const value = (item.String as AstNode | undefined)?.sval;
    return typeof value === 'string' ? [value] : [];
  });
}
