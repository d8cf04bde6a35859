import type { AddressInfo } from 'node:net';
import type { Harness } from '@schema-builder/api/testing';
import { startHarness } from '@schema-builder/api/testing';
import { blogDesign } from '@schema-builder/testing/fixtures';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RouterInputs } from './index.ts';
import { createClient, errorBodyOf } from './index.ts';

let h: Harness;
let client: ReturnType<typeof createClient>;

beforeAll(async () => {
  h = await startHarness();
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = h.app.server.address() as AddressInfo;
  client = createClient({ url: `http://127.0.0.1:${port}/`, token: h.user.token });
});
afterAll(() => h.close());

type DesignInput = RouterInputs['schemas']['create'];
type ColumnInput = DesignInput['tables'][number]['columns'][number];

describe("the client's design input is exact", () => {
  test('a typo in a column does not compile, and the server refuses it where it is', async () => {
    const [users, ...rest] = blogDesign.tables;
    const [first, ...columns] = users?.columns ?? [];
    if (!users || !first) throw new Error('fixture has a users table');
    const typo: ColumnInput = {
      ...first,
      // @ts-expect-error: nulable is not a property of a column
      nulable: false,
    };
    const error = await client.schemas.create
      .mutate({
        ...blogDesign,
        name: 'client-typo',
        tables: [{ ...users, columns: [typo, ...columns] }, ...rest],
      })
      .catch((e: unknown) => e);
    expect(errorBodyOf(error)).toMatchObject({
      code: 'VALIDATION_ERROR',
      details: [
        {
          path: 'tables[0].columns[0].nulable',
          code: 'UNKNOWN_PROPERTY',
          message: 'Columns have no property "nulable"; did you mean "nullable"?',
        },
      ],
    });
  });

  test("data of the client's own compiles and round-trips in the ui bag", async () => {
    const input: DesignInput = { ...blogDesign, name: 'client-ui', ui: { zoom: 1.5, notes: ['draft'] } };
    const created = await client.schemas.create.mutate(input);
    const fetched = await client.schemas.get.query({ id: created.id });
    expect(fetched.definition.ui).toEqual({ zoom: 1.5, notes: ['draft'] });
  });
});
