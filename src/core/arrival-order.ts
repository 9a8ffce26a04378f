/**
 * The order in which one document's items are stored. Readers take "newest" from the store's
 * order (the sequence number, and the briefing made right after storing), while feeds list
 * their items newest first: stored as listed, a fresh feed's oldest item would read as the
 * latest news. So items are stored oldest first by publication time.
 */

/** What ordering needs of an item: its publication time, when the feed gave one. */
export interface Dated {
  readonly publishedAt: number | null;
}

/**
 * `items` oldest first. An undated item counts as published at `seenAt` (as the store records
 * it); items with the same time keep the feed's newest-first convention, so the one listed
 * first is stored last.
 */
export function oldestFirst<T extends Dated>(items: readonly T[], seenAt: number): T[] {
  const time = (item: T): number => (item.publishedAt !== null && Number.isFinite(item.publishedAt) ? item.publishedAt : seenAt);
  return items
    .map((item, index) => ({ item, index, at: time(item) }))
    .sort((a, b) => a.at - b.at || b.index - a.index)
    .map((entry) => entry.item);
}
