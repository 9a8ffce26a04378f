import { normaliseUrl } from './dedupe.js';
import type { StoredBriefing } from './types.js';

/** What decides whether two briefings are the same story (clusterStories): the link and the headline's words. */
export interface StoryKeys {
  /** The normalised URL (normaliseUrl), or null for a briefing without a link. */
  readonly url: string | null;
  /** The headline's words, folded (case and accents aside). */
  readonly words: ReadonlySet<string>;
}

/** A briefing's StoryKeys, worked out afresh. */
export function storyKeysOf(briefing: StoredBriefing): StoryKeys {
  return { url: linkOf(briefing.url), words: headlineWords(briefing.headline) };
}

/**
 * The link by which two articles are the same story (StoryKeys.url): the normalised URL, or null
 * without one. The store keeps it with each article, so a later copy of a link (another feed, or a
 * feed reissuing an old item under a new guid) can be matched with what a chat already received.
 */
export function linkOf(url: string | null): string | null {
  return url ? normaliseUrl(url) : null;
}

/**
 * storyKeysOf with a memory of the last `limit` links and headlines. Every /latest groups the
 * newest briefings of its chat's feeds, mostly the same few dozen for every chat, so a bot that
 * keeps one of these parses each link and splits each headline once, not on every reply
 * (bench:bot). Remembered by the link and the headline themselves, so a briefing condensed again
 * under a new headline gets the keys of that headline. The oldest are forgotten first.
 */
export function createStoryKeysMemo(limit = 4096): (briefing: StoredBriefing) => StoryKeys {
  const urls = new Map<string, string>();
  const headlines = new Map<string, ReadonlySet<string>>();
  return (briefing) => ({
    url: briefing.url ? remembered(urls, briefing.url, normaliseUrl, limit) : null,
    words: remembered(headlines, briefing.headline, headlineWords, limit),
  });
}

function remembered<V>(memory: Map<string, V>, key: string, work: (key: string) => V, limit: number): V {
  const known = memory.get(key);
  if (known !== undefined) return known;
  const value = work(key);
  if (memory.size >= limit) memory.delete(memory.keys().next().value as string);
  memory.set(key, value);
  return value;
}

function headlineWords(headline: string): ReadonlySet<string> {
  const plain = headline.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return new Set(plain.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0));
}
