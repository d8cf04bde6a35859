import { expect, type Page } from '@playwright/test';
import type { Account } from './fixtures.ts';

/**
 * The tests' own calls to the API as `account` (never through the page): designs to start from
 * and their databases. The page's requests carry the account's session themselves.
 */
export interface DesignsApi {
  createDesign(document: DesignInput): Promise<{ id: string; name: string }>;
  provision(designId: string): Promise<void>;
  /** Asks the status with a long poll until no job is in flight; answers it. */
  settledDatabase(designId: string): Promise<{ id: string; status: string; detached: boolean }>;
  databases(): Promise<{ id: string; schemaId: string; status: string; detached: boolean }[]>;
}

export interface DesignInput {
  name: string;
  description?: string;
  tables?: unknown[];
  foreignKeys?: unknown[];
}

/** A small design with a key, a reference, a unique and a not-null column. */
export function blogDesign(name: string): DesignInput {
  return {
    name,
    description: 'Authors and their posts',
    tables: [
      {
        id: 't1',
        name: 'authors',
        columns: [
          { id: 'c1', name: 'id', dataType: 'INT', primaryKey: true, autoIncrement: true },
          { id: 'c2', name: 'email', dataType: 'VARCHAR', length: 255, unique: true, nullable: false },
        ],
      },
      {
        id: 't2',
        name: 'posts',
        columns: [
          { id: 'c3', name: 'id', dataType: 'UUID', primaryKey: true, defaultValue: 'gen_random_uuid()' },
          { id: 'c4', name: 'author_id', dataType: 'INT', nullable: false },
          { id: 'c5', name: 'body', dataType: 'TEXT' },
        ],
      },
    ],
    foreignKeys: [
      { id: 'f1', sourceTableId: 't2', sourceColumnId: 'c4', targetTableId: 't1', targetColumnId: 'c1' },
    ],
  };
}

export function designsApi(page: Page, account: Account): DesignsApi {
  const headers = { authorization: `Bearer ${account.token}` };
  const api = page.context().request;
  return {
    async createDesign(document) {
      const response = await api.post('/api/v1/schemas', { headers, data: { tables: [], ...document } });
      expect(response.status(), await response.text()).toBe(201);
      return (await response.json()) as { id: string; name: string };
    },
    async provision(designId) {
      const response = await api.post(`/api/v1/schemas/${designId}/database`, { headers });
      expect(response.status(), await response.text()).toBe(202);
    },
    async settledDatabase(designId) {
      for (let attempt = 0; attempt < 20; attempt++) {
        const response = await api.get(`/api/v1/schemas/${designId}/database/status?wait=10`, { headers });
        expect(response.status(), await response.text()).toBe(200);
        const database = (await response.json()) as {
          id: string;
          status: string;
          busy: boolean;
          detached: boolean;
        };
        if (!database.busy) return database;
      }
      throw new Error(`the database of ${designId} stayed busy`);
    },
    async databases() {
      const response = await api.get('/api/v1/databases?includeDropped=true&limit=100', { headers });
      expect(response.status(), await response.text()).toBe(200);
      return ((await response.json()) as { items: Awaited<ReturnType<DesignsApi['databases']>> }).items;
    },
  };
}
