import { localDateOf } from './local-time.js';
import { withoutRepeats, type ReceivedLink } from './repeats.js';
import { clusterStories } from './story-clusters.js';
import type { FeedSpec, StoredBriefing, UiLanguage } from './types.js';

/**
 * Which briefings go into a chat's digest and in what order. Pure: (briefings, chat settings,
 * now) -> Digest. Stories carried by several feeds are merged into one item and count for more.
 */

/** The chat's side of a digest. */
export interface DigestSettings {
  readonly language: UiLanguage;
  readonly timezone: string;
  readonly topics: readonly string[];
  readonly feeds: readonly string[];
  /** Only briefings created after this instant (see digestWindowStart). */
  readonly since: number;
  /** How many stories to show; the rest is counted in a closing "+M more" line. */
  readonly topN: number;
  /** The configured feeds: topics and ranking weight per feed. */
  readonly catalog: readonly FeedSpec[];
  /** With nothing new: true sends a short "quiet day" line, false sends nothing. */
  readonly quietLine: boolean;
  /**
   * The local date the digest is for (the schedule's, `YYYY-MM-DD`); a digest caught up after
   * local midnight is still headed with its own day. Default: the chat's date at `now`.
   */
  readonly localDate?: string;
  /**
   * What the chat received earlier of the candidates' links (default none): a briefing whose link
   * it already had in another article is left out (withoutRepeats).
   */
  readonly received?: readonly ReceivedLink[];
}

/** One story in a digest: the best briefing of it and the feeds that carry it. */
export interface DigestItem<B extends StoredBriefing = StoredBriefing> {
  readonly briefing: B;
  /** Every briefing merged into this story (the shown one first). */
  readonly sources: readonly B[];
  readonly feedCount: number;
  readonly topic: string;
  readonly score: number;
}

export interface DigestSection<B extends StoredBriefing = StoredBriefing> {
  readonly topic: string;
  readonly items: readonly DigestItem<B>[];
}

/** A chat's digest: sections by topic, best story first; `more` stories were left out. */
export interface Digest<B extends StoredBriefing = StoredBriefing> {
  readonly language: UiLanguage;
  readonly timezone: string;
  /** The local date the digest is for (settings.localDate, else the date at `now`): the header's date and the digest's key. */
  readonly localDate: string;
  readonly sections: readonly DigestSection<B>[];
  readonly shown: number;
  readonly more: number;
  /** True for the "quiet day" digest: no stories, one line. */
  readonly quiet: boolean;
}

/** The topic name used for feeds that have none. */
const OTHER_TOPIC = 'other';
const HOUR = 3_600_000;
const FIRST_DIGEST_HOURS = 24;
const MAX_WINDOW_HOURS = 7 * 24;
const RECENCY_HALF_LIFE_HOURS = 12;
const COVERAGE_BONUS = 0.5;
/** Each story a feed already has in the digest makes its next one count this much less. */
const SAME_FEED_DISCOUNT = 0.7;

/** Where a digest's window starts: the last digest, or 24 hours back for a first one (never more than a week). */
export function digestWindowStart(lastDigestAt: number | null, now: number): number {
  const floor = now - MAX_WINDOW_HOURS * HOUR;
  return lastDigestAt === null ? now - FIRST_DIGEST_HOURS * HOUR : Math.max(lastDigestAt, floor);
}

/**
 * The earliest window start among many chats (where one shared candidate query must begin). A
 * plain loop: spreading 200k chats into Math.min overflows the call stack. `now` when empty.
 */
export function earliestWindowStart(lastDigestAts: Iterable<number | null>, now: number): number {
  let earliest = now;
  for (const lastDigestAt of lastDigestAts) earliest = Math.min(earliest, digestWindowStart(lastDigestAt, now));
  return earliest;
}

/**
 * Builds a chat's digest from the candidate briefings, or null when there is nothing to send
 * (nothing new and no quiet line). Deterministic for equal inputs, so equal digests can share one
 * rendering (see digestKey).
 */
export function buildDigest<B extends StoredBriefing>(
  briefings: readonly B[],
  settings: DigestSettings,
  now: number,
): Digest<B> | null {
  const feeds = new Map(settings.catalog.map((feed) => [feed.id, feed]));
  const topics = new Set(settings.topics);
  const chosenFeeds = new Set(settings.feeds);
  const wanted = withoutRepeats(briefings.filter((briefing) => {
    if (briefing.createdAt <= settings.since || briefing.createdAt > now) return false;
    const feed = feeds.get(briefing.feedId);
    return chosenFeeds.has(briefing.feedId) || (feed?.topics.some((topic) => topics.has(topic)) ?? false);
  }), settings.received ?? []);
  const localDate = settings.localDate ?? localDateOf(now, settings.timezone);
  const base = { language: settings.language, timezone: settings.timezone, localDate };
  if (wanted.length === 0) {
    return settings.quietLine ? { ...base, sections: [], shown: 0, more: 0, quiet: true } : null;
  }
  const single = (b: B) => (feeds.get(b.feedId)?.weight ?? 1) * recency(b, now);
  const items = clusterStories(wanted).map((story): DigestItem<B> => {
    const sources = [...story].sort((a, b) => single(b) - single(a) || compareBriefings(a, b));
    const best = sources[0]!;
    const feedCount = new Set(sources.map((source) => source.feedId)).size;
    return {
      briefing: best,
      sources,
      feedCount,
      topic: topicOf(feeds.get(best.feedId), topics),
      score: single(best) * (1 + COVERAGE_BONUS * (feedCount - 1)),
    };
  });
  items.sort((a, b) => b.score - a.score || compareBriefings(a.briefing, b.briefing));
  const top = pickAcrossFeeds(items, Math.max(1, settings.topN));
  const sections = new Map<string, DigestItem<B>[]>();
  for (const item of top) sections.set(item.topic, [...(sections.get(item.topic) ?? []), item]);
  return {
    ...base,
    sections: [...sections].map(([topic, list]) => ({ topic, items: list })),
    shown: top.length,
    more: items.length - top.length,
    quiet: false,
  };
}

/**
 * The `count` best stories (`items` sorted best first), one at a time, each feed's next story
 * discounted by the stories it already placed: an editor mixes sources, so a feed that posts
 * twenty items an hour does not fill the digest alone, yet a much better story still wins.
 */
function pickAcrossFeeds<B extends StoredBriefing>(items: readonly DigestItem<B>[], count: number): DigestItem<B>[] {
  const placed = new Map<string, number>();
  const left = [...items];
  const picked: DigestItem<B>[] = [];
  while (picked.length < count && left.length > 0) {
    let best = 0;
    let bestValue = -Infinity;
    left.forEach((item, i) => {
      const value = item.score * SAME_FEED_DISCOUNT ** (placed.get(item.briefing.feedId) ?? 0);
      if (value > bestValue) {
        best = i;
        bestValue = value;
      }
    });
    const [item] = left.splice(best, 1) as [DigestItem<B>];
    picked.push(item);
    placed.set(item.briefing.feedId, (placed.get(item.briefing.feedId) ?? 0) + 1);
  }
  return picked;
}

/** A string equal for digests that render identically (same language, date, stories and the sources each names, order and count). */
export function digestKey(digest: Digest): string {
  const stories = digest.sections.map((section) => [section.topic, section.items.map((item) => [item.briefing.articleId, item.briefing.feedId, item.sources.map((source) => source.articleId)])]);
  return JSON.stringify([digest.language, digest.localDate, digest.quiet, digest.more, stories]);
}

function recency(briefing: StoredBriefing, now: number): number {
  const ageHours = Math.max(0, now - (briefing.publishedAt ?? briefing.createdAt)) / HOUR;
  return 0.5 ** (ageHours / RECENCY_HALF_LIFE_HOURS);
}

/** Newest first, then by feed and article id: a total order so ties never depend on input order. */
function compareBriefings(a: StoredBriefing, b: StoredBriefing): number {
  const time = (b.publishedAt ?? b.createdAt) - (a.publishedAt ?? a.createdAt);
  if (time !== 0) return time;
  return a.feedId < b.feedId ? -1 : a.feedId > b.feedId ? 1 : a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0;
}

function topicOf(feed: FeedSpec | undefined, chatTopics: ReadonlySet<string>): string {
  if (!feed) return OTHER_TOPIC;
  return feed.topics.find((topic) => chatTopics.has(topic)) ?? feed.topics[0] ?? OTHER_TOPIC;
}
