import { describe, expect, it } from 'vitest';
import { docExamples } from './doc-examples.test-support.ts';

const markdown = [
  '# Title', //                       1
  '', //                              2
  '```sh no-run', //                  3
  'pnpm start', //                    4
  '```', //                           5
  '', //                              6
  '```json file=design.json', //      7
  '{ "name": "blog" }', //            8
  '```', //                           9
  '', //                              10
  '```json', //                       11
  '{ "shown": "only" }', //           12
  '```', //                           13
  '', //                              14
  '- in a list:', //                  15
  '', //                              16
  '  ```bash', //                     17
  '  echo listed', //                 18
  '  ```', //                         19
  '', //                              20
  '```sh', //                         21
  'echo "$API"', //                   22
  '```', //                           23
  '', //                              24
  '```ts', //                         25
  'const a = 1;', //                  26
  '```', //                           27
].join('\n');

describe('docExamples', () => {
  it('keeps shell blocks and file blocks in document order, with their lines', () => {
    expect(docExamples(markdown, 'README.md')).toEqual([
      { kind: 'file', file: 'README.md', line: 7, text: '{ "name": "blog" }', name: 'design.json' },
      { kind: 'run', file: 'README.md', line: 17, text: 'echo listed' },
      { kind: 'run', file: 'README.md', line: 21, text: 'echo "$API"' },
    ]);
  });

  it('leaves out a shell block marked no-run and blocks of other languages', () => {
    const texts = docExamples(markdown, 'README.md').map((example) => example.text);
    expect(texts).not.toContain('pnpm start');
    expect(texts).not.toContain('{ "shown": "only" }');
    expect(texts).not.toContain('const a = 1;');
  });
});
