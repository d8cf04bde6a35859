import { apiErrorOf } from '../../api/errors.ts';
import { trpcClient } from '../../api/trpc.ts';

const BASE_NAME = 'Untitled design';
const ATTEMPTS = 20;

/**
 * Creates a blank design under the first free name ("Untitled design", "Untitled design 2", …):
 * names are unique per owner, and the server is the one that knows which are taken.
 */
export async function createBlankDesign(): Promise<{ id: string }> {
  for (let attempt = 1; ; attempt++) {
    const name = attempt === 1 ? BASE_NAME : `${BASE_NAME} ${attempt}`;
    try {
      return await trpcClient.schemas.create.mutate({ name, tables: [] });
    } catch (error) {
      if (apiErrorOf(error)?.code !== 'DUPLICATE_NAME' || attempt >= ATTEMPTS) throw error;
    }
  }
}
