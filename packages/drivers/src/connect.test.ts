import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { withDriver } from './connect.ts';
import { OneSocket } from './one-socket.ts';
import { ping } from './ping.ts';

const directory = mkdtempSync(path.join(tmpdir(), 'drivers-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('withDriver and ping (SQLite: no server needed)', () => {
  const file = path.join(directory, 'shop.sqlite');
  new Database(file).exec('CREATE TABLE items (id INTEGER PRIMARY KEY)').close();

  test('opens the file read-only, runs the work, and closes it', async () => {
    const tables = await withDriver({ type: 'sqlite', file }, 1000, async (handle) => {
      if (handle.type !== 'sqlite') throw new Error(`a ${handle.type} handle for a SQLite target`);
      expect(() => handle.db.exec('CREATE TABLE other (id INTEGER)')).toThrow(/readonly/);
      return handle.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    });
    expect(tables).toEqual([{ name: 'items' }]);
  });

  test('ping answers with a latency, or a stable code for a missing file', async () => {
    expect(await ping({ type: 'sqlite', file }, 1000)).toMatchObject({ ok: true });
    expect(await ping({ type: 'sqlite', file: path.join(directory, 'missing.sqlite') }, 1000)).toEqual({
      ok: false,
      code: 'DATABASE_NOT_FOUND',
    });
  });
});

describe('OneSocket', () => {
  test('takes only a checked IP address and a TCP port, never a name to resolve', () => {
    expect(() => new OneSocket('localhost', 5432)).toThrow(TypeError);
    expect(() => new OneSocket('127.0.0.1', 0)).toThrow(RangeError);
    expect(() => new OneSocket('::1', 5432)).not.toThrow();
  });
});
