/**
 * A token bucket driven by an explicit clock: `capacity` tokens at most, refilled continuously at
 * `perMs` tokens per millisecond. Time is always passed in, so the sender can be tested with a
 * fake clock and the bucket never reads one itself.
 */
export interface TokenBucketOptions {
  /** The largest burst: how many sends may go back to back after a quiet spell. */
  readonly capacity: number;
  /** Sustained rate, in tokens per second. */
  readonly perSecond: number;
}

/** One rate limit (the whole bot, one chat or one group), with an optional pause after a 429. */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  private pausedUntil = 0;
  private readonly perMs: number;

  constructor(readonly options: TokenBucketOptions, now: number) {
    if (!(options.capacity >= 1) || !(options.perSecond > 0)) {
      throw new RangeError(`telegram/token-bucket: capacity must be >= 1 and rate > 0, got ${options.capacity}, ${options.perSecond}`);
    }
    this.tokens = options.capacity;
    this.updatedAt = now;
    this.perMs = options.perSecond / 1000;
  }

  private refill(now: number): void {
    if (now > this.updatedAt) {
      this.tokens = Math.min(this.options.capacity, this.tokens + (now - this.updatedAt) * this.perMs);
      this.updatedAt = now;
    }
  }

  /** The earliest instant (>= now) at which one token is available and no pause is running. */
  readyAt(now: number): number {
    this.refill(now);
    const afterPause = Math.max(now, this.pausedUntil);
    if (this.tokens >= 1) return afterPause;
    return Math.max(afterPause, now + Math.ceil((1 - this.tokens) / this.perMs));
  }

  /** Takes a token if one is available now; false (and nothing taken) otherwise. */
  tryTake(now: number): boolean {
    if (this.readyAt(now) > now) return false;
    this.tokens -= 1;
    return true;
  }

  /**
   * Takes a token whether or not one is available: for a send that already happened elsewhere (a
   * command reply). The balance may go negative, so later sends wait until the debt is paid off.
   */
  takeAllowingDebt(now: number): void {
    this.refill(now);
    this.tokens -= 1;
  }

  /** Hands out no token before `until`; then exactly one, so sends resume one at a time, not in a burst. */
  pause(until: number, now: number): void {
    if (until <= now) return;
    this.pausedUntil = Math.max(this.pausedUntil, until);
    this.tokens = 1;
    this.updatedAt = this.pausedUntil;
  }

  /** True when the bucket is full and unpaused: it carries no state worth keeping in memory. */
  isIdle(now: number): boolean {
    this.refill(now);
    return this.tokens >= this.options.capacity && this.pausedUntil <= now;
  }
}
