import { normaliseUrl } from './dedupe.js';
import type { FeedSpec } from './types.js';

/**
 * Which stored feeds an operator renamed in feeds.json. Articles are known by (feed id, item id),
 * so a feed listed under a new id with its old URL would announce its whole document again and
 * leave the old id's history, and the chats that followed it, behind. Such a feed takes over the
 * stored one instead.
 */

/** What the store holds of a feed: its id and the URL feeds.json gave it. */
export interface StoredFeedUrl {
  readonly feedId: string;
  readonly configuredUrl: string;
}

/** A stored feed id (`from`) whose history now belongs to a new id in feeds.json (`to`). */
export interface FeedRename {
  readonly from: string;
  readonly to: string;
}

/**
 * The renames to apply, in the order of `listed`: a listed id the store has never seen takes over
 * the stored id that feeds.json no longer lists and whose URL is the same (compared as article
 * links are, like warnSameUrls). Whenever that is not one-to-one (two new ids with one old URL,
 * or two unlisted stored ids with one new URL) nothing is taken over: guessing would hand one
 * feed's history to another.
 */
export function findFeedRenames(listed: readonly FeedSpec[], stored: readonly StoredFeedUrl[]): FeedRename[] {
  const listedIds = new Set(listed.map((feed) => feed.id));
  const storedIds = new Set(stored.map((feed) => feed.feedId));
  const unlistedByUrl = groupBy(stored.filter((feed) => !listedIds.has(feed.feedId)), (feed) => normaliseUrl(feed.configuredUrl));
  const newByUrl = groupBy(listed.filter((feed) => !storedIds.has(feed.id)), (feed) => normaliseUrl(feed.url));
  const renames: FeedRename[] = [];
  for (const [url, claims] of newByUrl) {
    const owners = unlistedByUrl.get(url) ?? [];
    const [claim] = claims;
    const [owner] = owners;
    if (claims.length === 1 && owners.length === 1 && claim !== undefined && owner !== undefined) renames.push({ from: owner.feedId, to: claim.id });
  }
  return renames;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [item]);
    else group.push(item);
  }
  return groups;
}
