import type { FeedSpec } from '../core/types.js';
import type { FeedRecord } from '../store/feed-repository.js';

/**
 * The enabled feeds due at `now`: never polled, polled with another URL than feeds.json now
 * says, or past their next poll time. Most overdue first, so a backlog drains fairly.
 */
export function selectDueFeeds(specs: readonly FeedSpec[], records: readonly FeedRecord[], now: number): FeedSpec[] {
  const byId = new Map(records.map((record) => [record.feedId, record]));
  const dueAt = (spec: FeedSpec): number | null => {
    const record = byId.get(spec.id);
    if (record === undefined || record.configuredUrl !== spec.url) return Number.NEGATIVE_INFINITY;
    return record.nextPollAt <= now ? record.nextPollAt : null;
  };
  return specs
    .filter((spec) => spec.enabled)
    .map((spec) => ({ spec, at: dueAt(spec) }))
    .filter((entry): entry is { spec: FeedSpec; at: number } => entry.at !== null)
    .sort((a, b) => a.at - b.at)
    .map((entry) => entry.spec);
}
