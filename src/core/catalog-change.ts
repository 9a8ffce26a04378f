import { findFeedRenames, type FeedRename } from './feed-renames.js';
import { NO_TOPIC_NAMES, type TopicNames } from './topic-names.js';
import type { FeedSpec } from './types.js';

/** What a reload of feeds.json changed, by feed id. */
export interface CatalogChange {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /**
   * Feeds listed under a new id with the URL of one that left the list: they keep their history
   * and followers (feed-renames.ts), so they are neither added nor removed.
   */
  readonly renamedFeeds: readonly FeedRename[];
  /** Feeds whose settings differ (URL, language, topics, interval, enabled, fullText, weight, title). */
  readonly changed: readonly string[];
  /** Topics whose names (feeds.json's topicNames) were added, changed or dropped: shown to readers at once, nothing to poll. */
  readonly renamedTopics: readonly string[];
  /** Feeds polled from now on. */
  readonly enabled: number;
}

/** The outcome of one reload of feeds.json: what changed, or why the file was not taken. */
export type FeedReload =
  /** `warnings`: what the new list may not mean to do (a URL listed twice, nothing to poll), as the start warns of it. */
  | { readonly ok: true; readonly change: CatalogChange; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly error: string; readonly kept: number };

/** The difference between two feed lists, in the order of the lists, and between their topic names. */
export function compareCatalogs(
  before: readonly FeedSpec[],
  after: readonly FeedSpec[],
  names: { readonly before: TopicNames; readonly after: TopicNames } = { before: NO_TOPIC_NAMES, after: NO_TOPIC_NAMES },
): CatalogChange {
  const old = new Map(before.map((feed) => [feed.id, feed]));
  const now = new Set(after.map((feed) => feed.id));
  const renamedFeeds = findFeedRenames(after, before.map((feed) => ({ feedId: feed.id, configuredUrl: feed.url })));
  const renamedFrom = new Set(renamedFeeds.map((rename) => rename.from));
  const renamedTo = new Set(renamedFeeds.map((rename) => rename.to));
  const added: string[] = [];
  const changed: string[] = [];
  for (const feed of after) {
    const previous = old.get(feed.id);
    if (previous === undefined) {
      if (!renamedTo.has(feed.id)) added.push(feed.id);
    } else if (!sameSettings(previous, feed)) changed.push(feed.id);
  }
  const removed = before.filter((feed) => !now.has(feed.id) && !renamedFrom.has(feed.id)).map((feed) => feed.id);
  const enabled = after.filter((feed) => feed.enabled).length;
  return { added, removed, renamedFeeds, changed, renamedTopics: renamedTopics(names.before, names.after), enabled };
}

/** Topics whose names differ in any language, sorted. */
function renamedTopics(before: TopicNames, after: TopicNames): string[] {
  const topics = [...new Set([...before.keys(), ...after.keys()])].sort();
  const entries = (names: TopicNames, topic: string) => JSON.stringify(Object.entries(names.get(topic) ?? {}).sort());
  return topics.filter((topic) => entries(before, topic) !== entries(after, topic));
}

/** Whether nothing changed. */
export function isUnchanged(change: CatalogChange): boolean {
  return change.added.length + change.removed.length + change.renamedFeeds.length + change.changed.length + change.renamedTopics.length === 0;
}

function sameSettings(a: FeedSpec, b: FeedSpec): boolean {
  return (
    a.url === b.url && a.title === b.title && a.language === b.language && a.enabled === b.enabled &&
    a.fullText === b.fullText && a.weight === b.weight && a.intervalMinutes === b.intervalMinutes &&
    a.topics.length === b.topics.length && a.topics.every((topic, i) => topic === b.topics[i])
  );
}
