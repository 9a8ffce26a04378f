/** What to do with a chat's next command. */
export type FloodVerdict = 'ok' | 'warn' | 'drop';

/** How many commands a chat may send in a burst, and how fast the allowance comes back. */
export interface FloodOptions {
  readonly burst: number;
  readonly refillPerSecond: number;
}

/** Default: 8 commands at once, then one every 2 seconds. */
const DEFAULT_FLOOD_OPTIONS: FloodOptions = { burst: 8, refillPerSecond: 0.5 };

/**
 * A token bucket per chat. Within the allowance a command is `ok`; the first one over it is
 * `warn` (the bot says "slow down" once), further ones are `drop` until the bucket refills.
 * Idle chats are forgotten so memory stays bounded by the chats active in the last minutes.
 */
export function createFloodGate(options: FloodOptions = DEFAULT_FLOOD_OPTIONS) {
  const buckets = new Map<number, { tokens: number; at: number; warned: boolean }>();
  let lastSweep = 0;
  const fullAfterMs = (options.burst / options.refillPerSecond) * 1000;

  return {
    check(chatId: number, now: number): FloodVerdict {
      if (now - lastSweep > 60_000) {
        for (const [id, bucket] of buckets) if (now - bucket.at > fullAfterMs) buckets.delete(id);
        lastSweep = now;
      }
      const bucket = buckets.get(chatId) ?? { tokens: options.burst, at: now, warned: false };
      bucket.tokens = Math.min(options.burst, bucket.tokens + ((now - bucket.at) / 1000) * options.refillPerSecond);
      bucket.at = now;
      buckets.set(chatId, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        bucket.warned = false;
        return 'ok';
      }
      if (bucket.warned) return 'drop';
      bucket.warned = true;
      return 'warn';
    },
  };
}
