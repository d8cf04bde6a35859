import { fromMarkdown } from 'mdast-util-from-markdown';

type Node = ReturnType<typeof fromMarkdown>['children'][number];

/** A link of a Markdown page: its target as written, and the line it is on. */
export interface DocLink {
  url: string;
  line: number;
}

/** The links and the heading anchors of a Markdown page, in document order. */
export function linksAndAnchors(markdown: string): { links: DocLink[]; anchors: Set<string> } {
  const links: DocLink[] = [];
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const visit = (nodes: readonly Node[]) => {
    for (const node of nodes) {
      if (node.type === 'link') links.push({ url: node.url, line: node.position?.start.line ?? 0 });
      if (node.type === 'heading') {
        // GitHub numbers a repeated heading's anchor: "errors", "errors-1", …
        const slug = slugOf(textOf(node));
        const count = seen.get(slug) ?? 0;
        seen.set(slug, count + 1);
        anchors.add(count === 0 ? slug : `${slug}-${count}`);
      }
      if ('children' in node) visit(node.children as Node[]);
    }
  };
  visit(fromMarkdown(markdown).children);
  return { links, anchors };
}

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces as hyphens. */
export function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The plain text of a node (code spans and emphasis included). */
function textOf(node: Node): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Node[]).map(textOf).join('');
  return '';
}
