/**
 * Work started outside the scheduler, such as an admin's /poll, that shutdown must stop and wait
 * for: without it the database would close under a poll still writing to it.
 */
export interface BackgroundRuns {
  /** Runs `work` with a signal that stop() aborts; rejects at once when already stopping. */
  run<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Aborts the signal and resolves when every run has settled. Safe to call twice. */
  stop(): Promise<void>;
  /** Resolves when every run started so far has settled, letting them finish (no abort). */
  idle(): Promise<void>;
}

export function createBackgroundRuns(): BackgroundRuns {
  const controller = new AbortController();
  const running = new Set<Promise<unknown>>();
  return {
    run(work) {
      if (controller.signal.aborted) return Promise.reject(new Error('background: shutting down, not started'));
      const promise = work(controller.signal);
      running.add(promise);
      const forget = (): void => void running.delete(promise);
      promise.then(forget, forget);
      return promise;
    },
    async stop() {
      controller.abort(new Error('background: stopping'));
      await Promise.allSettled([...running]);
    },
    async idle() {
      await Promise.allSettled([...running]);
    },
  };
}
