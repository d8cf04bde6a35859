import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { linksAndAnchors, slugOf } from './doc-links.test-support.ts';

/** The README, docs/*.md and every app's and package's README: the pages a newcomer follows. */
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const markdownIn = (folder: string) =>
  readdirSync(join(root, folder))
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(folder, name));
const readmesUnder = (folder: string) =>
  readdirSync(join(root, folder))
    .map((name) => join(folder, name, 'README.md'))
    .filter((file) => existsSync(join(root, file)));
const pages = ['README.md', ...markdownIn('docs'), ...readmesUnder('apps'), ...readmesUnder('packages')];
const parsed = new Map(pages.map((page) => [page, linksAndAnchors(readFileSync(join(root, page), 'utf8'))]));

test('slugOf makes the anchors GitHub makes', () => {
  expect(slugOf("A database's lifecycle")).toBe('a-databases-lifecycle');
  expect(slugOf('Accounts, API keys and the proxy mode')).toBe('accounts-api-keys-and-the-proxy-mode');
  expect(slugOf('What `start` runs')).toBe('what-start-runs');
});

test('every app and package has a README', () => {
  const dirs = ['apps', 'packages'].flatMap((folder) =>
    readdirSync(join(root, folder), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(folder, entry.name)),
  );
  expect(dirs.filter((dir) => !existsSync(join(root, dir, 'README.md')))).toEqual([]);
});

test('every relative link of the documentation reaches a file, and its #anchor a heading there', () => {
  const broken: string[] = [];
  for (const [page, { links }] of parsed) {
    for (const { url, line } of links) {
      if (/^[a-z]+:/i.test(url)) continue; // https:, mailto: — not ours to check
      const [path = '', anchor] = url.split('#');
      const target = path === '' ? page : relative(root, join(root, dirname(page), path));
      if (!existsSync(join(root, target))) {
        broken.push(`${page}:${line} ${url} (no ${target})`);
        continue;
      }
      if (anchor === undefined) continue;
      const targetAnchors = parsed.get(target)?.anchors;
      if (targetAnchors === undefined) broken.push(`${page}:${line} ${url} (anchor into a page not checked)`);
      else if (!targetAnchors.has(anchor)) broken.push(`${page}:${line} ${url} (no heading #${anchor})`);
    }
  }
  expect(broken).toEqual([]);
});
