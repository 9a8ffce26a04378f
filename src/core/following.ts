import { topicLabel, type TopicNames } from './topic-names.js';
import type { FeedSpec, Subscriber } from './types.js';

/**
 * Which feeds a chat follows, read against the feeds configured now: feeds.json can drop a topic
 * or a feed a chat still follows.
 */

/** The topics of the enabled feeds, sorted: what a chat may subscribe to besides single feeds. */
export function availableTopics(feeds: readonly FeedSpec[]): string[] {
  return [...new Set(feeds.filter((feed) => feed.enabled).flatMap((feed) => feed.topics))].sort();
}

/**
 * The enabled feeds a chat follows: those it named plus those carrying one of its topics.
 * A chat that follows nothing gets every enabled feed (`followsNothing` tells the caller to say so).
 * `gone` lists what the chat follows that no enabled feed offers any more (the operator removed
 * or disabled it in feeds.json), so the chat can be told rather than silently get nothing.
 */
export function followedFeedIds(chat: Subscriber, feeds: readonly FeedSpec[]): { ids: string[]; followsNothing: boolean; gone: string[] } {
  const enabled = feeds.filter((feed) => feed.enabled);
  if (chat.topics.length === 0 && chat.feeds.length === 0) return { ids: enabled.map((feed) => feed.id), followsNothing: true, gone: [] };
  const ids = feedIdsOf(chat.topics, chat.feeds, enabled);
  // Every /latest asks this, mostly for a chat of one or two topics and no single feeds: topics are
  // looked up in the feeds themselves, and a set of feed ids is built only for a chat that names feeds.
  const offeredFeeds = chat.feeds.length === 0 ? new Set<string>() : new Set(enabled.map((feed) => feed.id));
  const gone = [
    ...chat.topics.filter((topic) => !enabled.some((feed) => feed.topics.includes(topic))),
    ...chat.feeds.filter((id) => !offeredFeeds.has(id)),
  ];
  return { ids, followsNothing: false, gone };
}

/** The enabled feeds that carry one of `topics` or are named in `feedIds` (`/latest tech` reads these). */
function feedIdsOf(topics: readonly string[], feedIds: readonly string[], feeds: readonly FeedSpec[]): string[] {
  const wanted = new Set(topics);
  const named = new Set(feedIds);
  return feeds.filter((feed) => feed.enabled && (named.has(feed.id) || feed.topics.some((topic) => wanted.has(topic)))).map((feed) => feed.id);
}

/**
 * The feeds /latest reads: the chat's own (as followedFeedIds), or with `filter` (topics and feed
 * ids) the enabled feeds it names, whether the chat follows them or not.
 */
export function feedIdsToRead(chat: Subscriber, feeds: readonly FeedSpec[], filter: readonly string[]): { ids: string[]; followsNothing: boolean; gone: string[] } {
  if (filter.length === 0) return followedFeedIds(chat, feeds);
  return { ids: feedIdsOf(filter, filter, feeds), followsNothing: false, gone: [] };
}

/** One thing a chat follows that feeds.json no longer offers, as its reader is told of it. */
export interface GoneItem {
  /** The topic or feed id: what `/unsubscribe` takes, and what is stored. */
  readonly id: string;
  /** How the reader sees it: a topic by its name in the chat's language (topicLabel), a feed by its id. */
  readonly label: string;
}

/**
 * `gone` (followedFeedIds's) as the chat is told of it: each topic by its name in the chat's
 * language while `names` still knows it (a feed of it is only disabled, or an earlier feeds.json
 * named it), else by its id with a capital, the way every topic without a name is shown; a feed
 * by its id, as feeds are shown everywhere.
 */
export function labelGone(chat: Pick<Subscriber, 'topics' | 'language'>, gone: readonly string[], names: TopicNames): GoneItem[] {
  return gone.map((id) => ({ id, label: chat.topics.includes(id) ? topicLabel(id, chat.language, names) : id }));
}
