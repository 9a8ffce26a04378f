import { storyKeysOf, type StoryKeys } from './story-keys.js';
import type { StoredBriefing } from './types.js';

/** Two headlines whose word sets are at least this alike (Jaccard) are the same story. */
const SAME_HEADLINE_JACCARD = 0.75;
/**
 * Up to this many headlines, similarHeadlinePairs compares every pair: a /latest clusters about
 * ten, where building the prefix index cost more than the comparisons it saves.
 */
const ALL_PAIRS_UP_TO = 20;

/**
 * Groups briefings that are the same story: same normalised URL, or near-identical headlines
 * from two feeds. One feed's own items under one headline and two links are two stories: a
 * recurring title ("Het weer", "Corrections and clarifications", a daily live blog) would
 * otherwise hide every edition but one, and record the hidden ones as received (an item the feed
 * reissues keeps its identity and is updated at ingestion, not stored twice); nor do they become
 * one through another feed's copy that resembles both. The one rule for "the same story", shared
 * by digests and /latest (core/latest-stories.ts), so a story several feeds carry is shown once
 * wherever a chat reads it. Each group keeps the input order.
 * `keysOf` gives what is compared (a bot passes createStoryKeysMemo's, which remembers them).
 */
export function clusterStories<B extends StoredBriefing>(briefings: readonly B[], keysOf: (briefing: B) => StoryKeys = storyKeysOf): B[][] {
  const keys = briefings.map((briefing) => keysOf(briefing));
  const parent = briefings.map((_, index) => index);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const join = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  const byUrl = new Map<string, number>();
  keys.forEach(({ url }, index) => {
    if (url === null) return;
    const seen = byUrl.get(url);
    if (seen === undefined) byUrl.set(url, index);
    else join(index, seen);
  });
  // Headlines join only stories of different feeds, also through a third: another feed's "Het
  // weer" resembles both of one feed's editions, which must stay two stories.
  const feedsOf = new Map<number, Set<string>>();
  briefings.forEach((briefing, index) => {
    const root = find(index);
    feedsOf.set(root, (feedsOf.get(root) ?? new Set()).add(briefing.feedId));
  });
  for (const [a, b] of closestFirst(similarHeadlinePairs(keys.map((key) => key.words)), keys)) {
    const [rootA, rootB] = [find(a), find(b)];
    const [feedsA, feedsB] = [feedsOf.get(rootA)!, feedsOf.get(rootB)!];
    if (rootA === rootB || [...feedsA].some((feed) => feedsB.has(feed))) continue;
    join(a, b);
    feedsOf.set(find(a), new Set([...feedsA, ...feedsB]));
  }
  const groups = new Map<number, B[]>();
  briefings.forEach((briefing, index) => {
    const root = find(index);
    const group = groups.get(root);
    if (group === undefined) groups.set(root, [briefing]);
    else group.push(briefing);
  });
  return [...groups.values()];
}

/**
 * The pairs most alike first (then by position), so which of two editions another feed's copy
 * joins does not depend on the order the pairs were found in.
 */
function closestFirst(pairs: ReadonlyArray<[number, number]>, keys: readonly StoryKeys[]): Array<[number, number]> {
  const ranked = pairs.map(([x, y]) => ({ a: Math.min(x, y), b: Math.max(x, y), alike: jaccard(keys[x]!.words, keys[y]!.words) }));
  ranked.sort((p, q) => q.alike - p.alike || p.b - q.b || p.a - q.a);
  return ranked.map(({ a, b }) => [a, b]);
}

/**
 * Every pair of headlines whose word sets have a Jaccard similarity of at least
 * SAME_HEADLINE_JACCARD, without comparing all pairs (a week's window can hold tens of thousands
 * of briefings). Prefix filtering: with the words of each headline ordered rarest first, two
 * sets that similar always share a word among the first |A| - ceil(t|A|) + 1 of either, so only
 * headlines sharing such a word are compared.
 */
function similarHeadlinePairs(sets: readonly ReadonlySet<string>[]): Array<[number, number]> {
  const t = SAME_HEADLINE_JACCARD;
  if (sets.length <= ALL_PAIRS_UP_TO) return allSimilarPairs(sets, t);
  const frequency = new Map<string, number>();
  for (const set of sets) for (const word of set) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const rarestFirst = (a: string, b: string): number => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : a > b ? 1 : 0);
  const holders = new Map<string, number[]>();
  const pairs: Array<[number, number]> = [];
  sets.forEach((set, index) => {
    if (set.size === 0) return;
    const prefix = [...set].sort(rarestFirst).slice(0, set.size - Math.ceil(t * set.size) + 1);
    const compared = new Set<number>();
    for (const word of prefix) {
      for (const other of holders.get(word) ?? []) {
        if (compared.has(other)) continue;
        compared.add(other);
        if (jaccard(set, sets[other]!) >= t) pairs.push([index, other]);
      }
    }
    for (const word of prefix) {
      const list = holders.get(word);
      if (list === undefined) holders.set(word, [index]);
      else list.push(index);
    }
  });
  return pairs;
}

/**
 * Every pair of `sets` at least `t` similar, each pair compared: the same pairs the prefix filter
 * finds, cheaper for the few headlines of a /latest (no word counts, no sorting).
 */
function allSimilarPairs(sets: readonly ReadonlySet<string>[], t: number): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (let index = 1; index < sets.length; index += 1) {
    for (let other = 0; other < index; other += 1) if (jaccard(sets[index]!, sets[other]!) >= t) pairs.push([index, other]);
  }
  return pairs;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared / (a.size + b.size - shared);
}
