import { readFileSync } from 'node:fs';
import { fromMarkdown } from 'mdast-util-from-markdown';

/**
 * One fenced block of a Markdown file that the documentation test acts on, in document order:
 * a shell example to run, or a file an example reads (written where the block stands).
 */
export type DocExample =
  | { kind: 'run'; file: string; line: number; text: string }
  | { kind: 'file'; file: string; line: number; text: string; name: string };

/** Languages of a block that is run. */
const SHELL_LANGUAGES = new Set(['sh', 'bash', 'shell']);
/** In a block's info string after the language (` ```sh no-run `): shown, never run. */
export const NO_RUN = 'no-run';
/** In a block's info string after the language (` ```json file=design.json `): written to that file. */
const FILE_NAME = /(?:^|\s)file=([\w.-]+)(?:\s|$)/;

/**
 * The examples of a Markdown document: every ```sh (bash, shell) block not marked `no-run`, and
 * every block of any language marked `file=NAME`. Other blocks (JSON, TypeScript, tables of
 * output) are prose.
 */
export function docExamples(markdown: string, file: string): DocExample[] {
  const examples: DocExample[] = [];
  for (const node of descendants(fromMarkdown(markdown).children)) {
    if (node.type !== 'code') continue;
    const line = node.position?.start.line ?? 0;
    const meta = node.meta ?? '';
    const name = FILE_NAME.exec(meta)?.[1];
    if (name !== undefined) examples.push({ kind: 'file', file, line, text: node.value, name });
    else if (SHELL_LANGUAGES.has(node.lang ?? '') && !meta.split(/\s+/).includes(NO_RUN))
      examples.push({ kind: 'run', file, line, text: node.value });
  }
  return examples;
}

type Content = ReturnType<typeof fromMarkdown>['children'][number];

/** Every node under `nodes`, in document order (a block may sit in a list or a quote). */
function* descendants(nodes: readonly Content[]): Generator<Content> {
  for (const node of nodes) {
    yield node;
    if ('children' in node) yield* descendants(node.children);
  }
}

export function docExamplesOf(path: string, file = path): DocExample[] {
  return docExamples(readFileSync(path, 'utf8'), file);
}
