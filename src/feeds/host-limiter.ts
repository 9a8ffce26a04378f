/** Runs tasks with at most N in flight per host, first come first served. */
export interface HostLimiter {
  /**
   * Waits for a free slot on `host`, runs `task`, frees the slot when it settles. Rejects with
   * the signal's reason if `signal` aborts while still waiting (the task never starts then).
   */
  run<T>(host: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Tasks running now on `host` (for tests and logs). */
  active(host: string): number;
}

interface HostQueue {
  active: number;
  readonly waiting: Array<() => void>;
}

/**
 * A small semaphore keyed by host, so a hundred feeds on one server are fetched a few at a
 * time instead of all at once. Hosts with nothing running or waiting are forgotten.
 */
export function createHostLimiter(perHost: number): HostLimiter {
  if (!Number.isInteger(perHost) || perHost < 1) throw new RangeError(`feeds/host-limiter: perHost must be a positive integer, got ${perHost}`);
  const queues = new Map<string, HostQueue>();

  const acquire = (host: string, signal: AbortSignal | undefined): Promise<void> => {
    signal?.throwIfAborted();
    let queue = queues.get(host);
    if (queue === undefined) {
      queue = { active: 0, waiting: [] };
      queues.set(host, queue);
    }
    if (queue.active < perHost) {
      queue.active += 1;
      return Promise.resolve();
    }
    const q = queue;
    return new Promise<void>((resolve, reject) => {
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort);
        q.active += 1;
        resolve();
      };
      const onAbort = (): void => {
        const index = q.waiting.indexOf(grant);
        if (index >= 0) q.waiting.splice(index, 1);
        forgetIfIdle(host);
        reject(signal?.reason);
      };
      q.waiting.push(grant);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  };

  const release = (host: string): void => {
    const queue = queues.get(host);
    if (queue === undefined) return;
    queue.active -= 1;
    queue.waiting.shift()?.();
    forgetIfIdle(host);
  };

  const forgetIfIdle = (host: string): void => {
    const queue = queues.get(host);
    if (queue !== undefined && queue.active === 0 && queue.waiting.length === 0) queues.delete(host);
  };

  return {
    async run<T>(host: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      await acquire(host, signal);
      try {
        return await task();
      } finally {
        release(host);
      }
    },
    active: (host) => queues.get(host)?.active ?? 0,
  };
}
