/** How long one teardown step may take before the next (destroying the socket) goes ahead. */
const TEARDOWN_STEP_MS = 1000;

/**
 * What closes a driver: run once, when the work is done or the deadline fired, whichever first.
 * Last added runs first — the client says goodbye, then its socket is destroyed — and no step
 * waits on a silent server for longer than TEARDOWN_STEP_MS.
 */
export class Teardown {
  private readonly steps: Array<() => unknown> = [];

  add(step: () => unknown): void {
    this.steps.push(step);
  }

  async run(): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) {
      let timer: NodeJS.Timeout | undefined;
      const bound = new Promise((resolve) => {
        timer = setTimeout(resolve, TEARDOWN_STEP_MS);
      });
      await Promise.race([Promise.resolve().then(step), bound]).catch(() => {});
      clearTimeout(timer);
    }
  }
}
