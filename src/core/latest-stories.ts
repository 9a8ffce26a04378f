import { clusterStories } from './story-clusters.js';
import type { StoryKeys } from './story-keys.js';
import type { StoredBriefing } from './types.js';

/**
 * Briefings read per story shown, to find the copies other feeds carry of those stories: copies
 * are briefed within a poll of each other, so they sit close by in the newest-first list. Reading
 * further would catch copies further apart, but every row read and grouped costs each /latest
 * (bench:bot: 100 more rows made a reply's CPU time about six times as long; twice as many, 1.1).
 */
export const LATEST_READ_PER_STORY = 2;

/** One story of /latest: the briefing shown and every copy of it (the shown one first). */
export interface LatestStory<B extends StoredBriefing = StoredBriefing> {
  readonly briefing: B;
  readonly sources: readonly B[];
}

/**
 * The first `count` stories of `briefings` (newest first, as /latest reads them), each once: a
 * story several feeds carry (the digest's rule, clusterStories) is shown by its newest copy, and
 * all its copies among `briefings` come along in `sources`, so recording them all as received
 * keeps any copy from coming back later. `keysOf` is clusterStories' (a bot's remembers them).
 */
export function pickLatestStories<B extends StoredBriefing>(briefings: readonly B[], count: number, keysOf?: (briefing: B) => StoryKeys): LatestStory<B>[] {
  const storyOf = new Map<B, readonly B[]>();
  for (const story of clusterStories(briefings, keysOf)) for (const briefing of story) storyOf.set(briefing, story);
  const picked: LatestStory<B>[] = [];
  const shown = new Set<readonly B[]>();
  for (const briefing of briefings) {
    if (picked.length >= count) break;
    const story = storyOf.get(briefing) ?? [briefing];
    if (shown.has(story)) continue;
    shown.add(story);
    picked.push({ briefing, sources: [briefing, ...story.filter((copy) => copy !== briefing)] });
  }
  return picked;
}
