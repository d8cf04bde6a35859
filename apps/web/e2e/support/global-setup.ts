import { publishRunState } from './env.ts';
import { startStack } from './stack.ts';
import { startTargetServer } from './target-server.ts';

/** Starts the stack under test and the server its users connect to; the teardown stops both. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const target = await startTargetServer();
  const stack = await startStack().catch(async (error: unknown) => {
    await target.stop();
    throw error;
  });
  publishRunState({ baseUrl: stack.baseUrl, targetUrl: target.url });
  return async () => {
    await stack.stop();
    await target.stop();
  };
}
