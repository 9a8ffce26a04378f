import { compareServedWithFile, describeServedDrift, type ServedFeeds } from '../core/served-feeds.js';
import type { FeedSpec } from '../core/types.js';
import { formatInstant } from './table.js';

/**
 * Tells stderr how feeds.json (`file`) differs from the list the running bot serves, for
 * `newsbrief feeds` and `health`; nothing when they agree. stdout stays the command's answer.
 */
export function noteServedDrift(served: ServedFeeds, file: readonly FeedSpec[]): void {
  const drift = describeServedDrift(compareServedWithFile(served, file), formatInstant(served.loadedAt));
  if (drift !== null) process.stderr.write(`newsbrief: ${drift}\n`);
}
