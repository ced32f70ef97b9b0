// The one polling loop of the tests, unit and browser alike. It runs on real timers and keeps its deadline
// with performance.now(), so tests that fake Date (vi.useFakeTimers({ toFake: ['Date'] })) still time out;
// vi.waitFor would advance a faked clock while it waits.

export interface PollOptions {
  /** Give up after this many ms. */
  timeout?: number;
  /** Wait this many ms between two calls. */
  interval?: number;
}

/**
 * Calls `probe` until it returns without throwing and resolves to what it returned. After `timeout` ms it
 * throws the probe's last error, so an assertion's own message and diff say what never came true.
 */
export async function pollUntil<T>(probe: () => T | Promise<T>, { timeout = 2000, interval = 5 }: PollOptions = {}): Promise<T> {
  const deadline = performance.now() + timeout;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (performance.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  }
}
