/** An abort signal that fires at a deadline or when the caller aborts, and can be let go of. */
export interface DeadlineSignal {
  readonly signal: AbortSignal;
  /** True once the deadline (not the caller) aborted the signal. */
  timedOut(): boolean;
  /** Clears the timer and the listener on the caller's signal. Call when the work is done. */
  dispose(): void;
}

/**
 * Combines a timeout of `ms` with the caller's signal. Unlike AbortSignal.any, it removes its
 * listener from the caller's signal on dispose, so a long-lived shutdown signal shared by
 * thousands of fetches does not keep them all reachable (nodejs/node#55351).
 */
export function createDeadlineSignal(ms: number, caller: AbortSignal | undefined): DeadlineSignal {
  const controller = new AbortController();
  let timedOut = false;
  const onCallerAbort = (): void => controller.abort(caller?.reason);
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`deadline of ${ms} ms passed`, 'TimeoutError'));
  }, ms);
  if (caller?.aborted === true) onCallerAbort();
  else caller?.addEventListener('abort', onCallerAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose() {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onCallerAbort);
    },
  };
}
