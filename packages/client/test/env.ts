/**
 * The environment the packed-client test gives npm, pnpm, tsc and node: this process's, less
 * the npm_* settings a pnpm script passes down, which npm in the consumer would take as its own.
 */
export const toolEnv: Readonly<Record<string, string | undefined>> = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)),
);
