import { readFile } from 'node:fs/promises';
import { DATABASE_FAILURE_CODES, DATABASE_FAILURE_MEANINGS } from '@schema-builder/db';
import { expect, test } from 'vitest';
import { ERROR_CODE_MEANINGS } from './code-meanings.ts';
import { ERROR_CODES, ERROR_MAPPING } from './codes.ts';

/** The pages with the code tables: the API's errors, and why a database's job failed. */
const api = await readFile(new URL('../../../../docs/api.md', import.meta.url), 'utf8');
const provisioning = await readFile(new URL('../../../../docs/provisioning.md', import.meta.url), 'utf8');

/** A page's table rows: the first cell's code → the second cell. */
function tableRows(page: string): Map<string, string> {
  const rows = [...page.matchAll(/^\| `([A-Z_]+)`\s*\|\s*([^|]*?)\s*\|/gm)];
  return new Map(rows.map(([, code = '', second = '']) => [code, second]));
}

test('every error code has a meaning, and docs/api.md lists it with its HTTP status', () => {
  const rows = tableRows(api);
  const missing = ERROR_CODES.filter((code) => rows.get(code) !== String(ERROR_MAPPING[code].status));
  expect(missing).toEqual([]);
  for (const code of ERROR_CODES) expect(ERROR_CODE_MEANINGS[code].length).toBeGreaterThan(10);
});

test("every failure code of a database's last job has a meaning, and docs/provisioning.md lists it", () => {
  const rows = tableRows(provisioning);
  expect(DATABASE_FAILURE_CODES.filter((code) => !rows.has(code))).toEqual([]);
  for (const code of DATABASE_FAILURE_CODES)
    expect(DATABASE_FAILURE_MEANINGS[code].length).toBeGreaterThan(10);
});
