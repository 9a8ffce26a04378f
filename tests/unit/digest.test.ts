import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDigest, digestKey, digestWindowStart, earliestWindowStart, type DigestSettings } from '../../src/core/digest.js';
import type { FeedSpec, StoredBriefing } from '../../src/core/types.js';

const NOW = Date.parse('2025-06-02T05:30:00Z');
const HOUR = 3_600_000;

const feed = (id: string, topics: string[], weight = 1): FeedSpec => ({
  id, url: `https://${id}.example/rss`, title: id.toUpperCase(), language: 'en', topics, enabled: true, fullText: 'never', weight,
});
const CATALOG = [feed('a', ['world']), feed('b', ['world']), feed('c', ['tech']), feed('heavy', ['tech'], 3), feed('sport', ['sport'])];

let counter = 0;
const briefing = (feedId: string, headline: string, hoursAgo: number, url: string | null = null): StoredBriefing => ({
  articleId: `id-${++counter}`, feedId, url, headline, sentences: [`${headline}.`], language: 'en', words: 3, chars: 20,
  method: 'lead', publishedAt: NOW - hoursAgo * HOUR, createdAt: NOW - hoursAgo * HOUR,
});

const settings = (overrides: Partial<DigestSettings> = {}): DigestSettings => ({
  language: 'en', timezone: 'Europe/Amsterdam', topics: ['world', 'tech'], feeds: [], since: NOW - 24 * HOUR,
  topN: 8, catalog: CATALOG, quietLine: false, ...overrides,
});

const headlines = (digest: ReturnType<typeof buildDigest>) =>
  digest?.sections.flatMap((section) => section.items.map((item) => item.briefing.headline)) ?? [];

describe('buildDigest', () => {
  it('keeps only briefings of the chat\'s topics and feeds, made inside the window', () => {
    const digest = buildDigest([
      briefing('a', 'World news', 1),
      briefing('sport', 'Match report', 1),
      briefing('c', 'Too old', 30),
      briefing('c', 'Chip maker grows', 2),
    ], settings(), NOW);
    expect(headlines(digest).sort()).toEqual(['Chip maker grows', 'World news']);
    const withFeed = buildDigest([briefing('sport', 'Match report', 1)], settings({ topics: [], feeds: ['sport'] }), NOW);
    expect(headlines(withFeed)).toEqual(['Match report']);
  });

  it('ranks newer stories above older ones of equal weight', () => {
    const digest = buildDigest([briefing('a', 'Older story here', 10), briefing('a', 'Newer story there', 1)], settings(), NOW);
    expect(headlines(digest)).toEqual(['Newer story there', 'Older story here']);
  });

  it('ranks a story carried by several feeds (same URL or near-identical headline) above a lone one', () => {
    const digest = buildDigest([
      briefing('a', 'Lone but fresh story', 1),
      briefing('a', 'Parliament passes budget', 3, 'https://news.example/budget?utm_source=rss'),
      briefing('b', 'Parliament passes the budget', 3, 'https://other.example/x'),
      briefing('c', 'Budget passed by parliament', 3, 'https://news.example/budget#top'),
    ], settings(), NOW);
    expect(digest?.shown).toBe(2);
    const top = digest!.sections[0]!.items[0]!;
    expect(top.feedCount).toBe(3);
    expect(top.sources).toHaveLength(3);
    expect(headlines(digest)).toContain('Lone but fresh story');
  });

  it('lets a heavier feed outrank a slightly newer story from a neutral feed', () => {
    const digest = buildDigest([briefing('c', 'Neutral feed item', 1), briefing('heavy', 'Weighted feed item', 4)], settings(), NOW);
    expect(headlines(digest)[0]).toBe('Weighted feed item');
  });

  it('mixes sources: a feed that posts many items does not fill the digest alone', () => {
    const busy = Array.from({ length: 6 }, (_, i) => briefing('a', `Busy feed story ${'q'.repeat(i + 1)} number ${i}`, i + 1));
    const quiet = [briefing('b', 'Quiet feed first story', 7), briefing('b', 'Quiet feed second story', 8)];
    const digest = buildDigest([...busy, ...quiet], settings({ topN: 4 }), NOW);
    expect(headlines(digest)).toEqual(['Busy feed story q number 0', 'Quiet feed first story', 'Busy feed story qq number 1', 'Quiet feed second story']);
    expect(digest?.more).toBe(4);
  });

  it('still lets a far better story of the same feed win over a stale one from another', () => {
    const digest = buildDigest([briefing('a', 'Fresh lead story', 1), briefing('a', 'Fresh second story', 2), briefing('b', 'Stale other story', 23)], settings({ topN: 2 }), NOW);
    expect(headlines(digest)).toEqual(['Fresh lead story', 'Fresh second story']);
  });

  it('shows the top N and counts the rest for the "+M more" line', () => {
    const many = Array.from({ length: 12 }, (_, i) => briefing('a', `Distinct story number ${i} about ${'xyz'.repeat(i + 1)}`, i + 1));
    const digest = buildDigest(many, settings({ topN: 8 }), NOW);
    expect(digest?.shown).toBe(8);
    expect(digest?.more).toBe(4);
  });

  it('groups the chosen stories by topic, the best topic first', () => {
    const digest = buildDigest([
      briefing('c', 'Tech one is new', 1),
      briefing('a', 'World one is older', 5),
      briefing('c', 'Tech two is older still', 8),
    ], settings(), NOW);
    expect(digest?.sections.map((section) => [section.topic, section.items.length])).toEqual([['tech', 2], ['world', 1]]);
  });

  it('sends nothing on a day with nothing new, or a quiet line when configured', () => {
    expect(buildDigest([], settings(), NOW)).toBeNull();
    expect(buildDigest([briefing('sport', 'Not subscribed', 1)], settings(), NOW)).toBeNull();
    const quiet = buildDigest([], settings({ quietLine: true }), NOW);
    expect(quiet).toMatchObject({ quiet: true, shown: 0, more: 0, sections: [] });
  });

  it('dates the digest in the chat\'s own time zone', () => {
    const late = Date.parse('2025-06-01T23:30:00Z');
    expect(buildDigest([], settings({ quietLine: true, timezone: 'Asia/Kolkata' }), late)?.localDate).toBe('2025-06-02');
    expect(buildDigest([], settings({ quietLine: true, timezone: 'America/New_York' }), late)?.localDate).toBe('2025-06-01');
  });

  it('heads a caught-up digest with its own date, not the date at the time it was made', () => {
    // New York's 23:30 digest of 2025-06-01, caught up at 00:30 local on 2025-06-02.
    const caughtUp = Date.parse('2025-06-02T04:30:00Z');
    const york = settings({ quietLine: true, timezone: 'America/New_York' });
    expect(buildDigest([], { ...york, localDate: '2025-06-01' }, caughtUp)?.localDate).toBe('2025-06-01');
    expect(buildDigest([], york, caughtUp)?.localDate).toBe('2025-06-02');
  });

  it('gives equal digests equal keys whatever the input order, and different content different keys', () => {
    const input = [briefing('a', 'First story today', 1), briefing('c', 'Second story today', 2)];
    const one = buildDigest(input, settings(), NOW)!;
    const two = buildDigest([...input].reverse(), settings(), NOW)!;
    expect(digestKey(one)).toBe(digestKey(two));
    expect(digestKey(buildDigest(input, settings({ language: 'nl' }), NOW)!)).not.toBe(digestKey(one));
    expect(digestKey(buildDigest(input.slice(0, 1), settings(), NOW)!)).not.toBe(digestKey(one));
  });

  it('starts a first digest 24 hours back and a later one at the last digest', () => {
    expect(digestWindowStart(null, NOW)).toBe(NOW - 24 * HOUR);
    expect(digestWindowStart(NOW - 5 * HOUR, NOW)).toBe(NOW - 5 * HOUR);
    expect(digestWindowStart(NOW - 30 * 24 * HOUR, NOW)).toBe(NOW - 7 * 24 * HOUR);
  });

  it('finds the earliest window start among 300 000 chats without overflowing the stack', () => {
    const lastDigestAts: (number | null)[] = Array.from({ length: 300_000 }, (_, i) => NOW - (i % 20) * HOUR);
    expect(earliestWindowStart(lastDigestAts, NOW)).toBe(NOW - 19 * HOUR);
    expect(earliestWindowStart([...lastDigestAts, null], NOW)).toBe(NOW - 24 * HOUR);
    expect(earliestWindowStart([], NOW)).toBe(NOW);
  });
});

describe('buildDigest story clustering', () => {
  const words = (headline: string) => new Set(headline.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  const jaccard = (a: Set<string>, b: Set<string>) => {
    if (a.size === 0 || b.size === 0) return 0;
    const shared = [...a].filter((word) => b.has(word)).length;
    return shared / (a.size + b.size - shared);
  };
  /**
   * Every pair compared, as the definition says (headlines only join stories of different feeds,
   * the most alike pairs first): the stories buildDigest must find.
   */
  const bruteForceStories = (list: StoredBriefing[]): string[] => {
    const parent = list.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
    const pairs: Array<{ i: number; j: number; alike: number }> = [];
    list.forEach((x, i) => list.forEach((y, j) => {
      const alike = jaccard(words(x.headline), words(y.headline));
      if (j < i && x.feedId !== y.feedId && alike >= 0.75) pairs.push({ i, j, alike });
    }));
    pairs.sort((p, q) => q.alike - p.alike || p.i - q.i || p.j - q.j);
    const feedsIn = (root: number) => new Set(list.filter((_, k) => find(k) === root).map((x) => x.feedId));
    for (const { i, j } of pairs) {
      const [a, b] = [feedsIn(find(i)), feedsIn(find(j))];
      if (find(i) !== find(j) && ![...a].some((feed) => b.has(feed))) parent[find(i)] = find(j);
    }
    const groups = new Map<number, string[]>();
    list.forEach((x, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), x.articleId]));
    return [...groups.values()].map((ids) => ids.sort().join(',')).sort();
  };

  it('groups exactly the headlines that are near-identical, pair by pair, without comparing every pair', () => {
    const vocabulary = ['storm', 'hits', 'coast', 'Storm', 'kust', 'hit', 'the', 'de', 'école', 'ecole', 'fermée', '2025', 'minister', 'resigns'];
    const headline = fc.array(fc.constantFrom(...vocabulary), { minLength: 0, maxLength: 6 }).map((ws) => ws.join(' '));
    fc.assert(fc.property(fc.array(headline, { minLength: 1, maxLength: 40 }), (texts) => {
      const list = texts.map((text, i) => briefing(i % 2 === 0 ? 'a' : 'b', text, 1));
      const digest = buildDigest(list, settings({ topN: 1000 }), NOW);
      const stories = (digest?.sections ?? []).flatMap((section) => section.items.map((item) => item.sources.map((source) => source.articleId).sort().join(','))).sort();
      expect(stories).toEqual(bruteForceStories(list));
    }));
  });
});

describe('buildDigest with what the chat received before (repeats across days)', () => {
  const received = (b: StoredBriefing, link = b.url!) => ({ link, feedId: b.feedId, articleId: b.articleId });

  it('leaves out a briefing whose link the chat already had in an earlier article, and no other', () => {
    const yesterday = briefing('a', 'Storm hits the coast', 30, 'https://news.example/storm');
    const copy = briefing('b', 'Storm hits the coast again today', 2, 'https://news.example/storm?utm_source=rss#top');
    const fresh = briefing('b', 'Train strike ends', 1, 'https://news.example/strike');
    const digest = buildDigest([yesterday, copy, fresh], settings({ received: [received(yesterday, 'https://news.example/storm')] }), NOW);
    expect(headlines(digest)).toEqual(['Train strike ends']);
    expect(digest?.more).toBe(0);
    // A chat that never had it gets the story.
    expect(headlines(buildDigest([yesterday, copy, fresh], settings(), NOW)).sort()).toEqual(['Storm hits the coast again today', 'Train strike ends']);
  });

  it('keeps a story whose received article is itself in the digest, with its copies (shown once, as before)', () => {
    const viaLatest = briefing('a', 'Budget passes', 3, 'https://news.example/budget');
    const copy = briefing('b', 'Parliament passes budget', 2, 'https://news.example/budget');
    const digest = buildDigest([viaLatest, copy], settings({ received: [received(viaLatest)] }), NOW);
    expect(digest?.shown).toBe(1);
    expect(digest!.sections[0]!.items[0]!.sources).toHaveLength(2);
  });

  it('leaves out a copy the chat had from a feed it no longer follows, and says quiet when nothing else is new', () => {
    const fromSport = briefing('sport', 'Final result', 3, 'https://news.example/final');
    const copy = briefing('a', 'Final result in', 1, 'https://news.example/final');
    expect(buildDigest([fromSport, copy], settings({ received: [received(fromSport)] }), NOW)).toBeNull();
    expect(buildDigest([fromSport, copy], settings({ received: [received(fromSport)], quietLine: true }), NOW)?.quiet).toBe(true);
  });
});
