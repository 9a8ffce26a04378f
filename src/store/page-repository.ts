import type { FullText } from '../fulltext/extract.js';

/** An article page's answer as it was read: its main text, or null when it failed or held no article. */
export interface RememberedPage {
  /** When the page was asked for (epoch ms). */
  readonly fetchedAt: number;
  readonly answer: FullText | null;
}

/**
 * The port to article pages already fetched for full text, so that a page is fetched once per
 * article across restarts and across processes on one database (the bot, `newsbrief poll
 * --once`), not only within one process. Pages are keyed as dedupe keys article links
 * (normaliseUrl); the key is the caller's.
 */
export interface PageRepository {
  /** The page's answer, when it was fetched after `fetchedAfter`; null when it was not, or only earlier. */
  recall(key: string, fetchedAfter: number): RememberedPage | null;
  /** Records the page's answer (replacing an older one), null included: a failed page is not asked again for a while. */
  remember(key: string, fetchedAt: number, answer: FullText | null): void;
  /** Deletes up to `limit` pages fetched before `fetchedBefore`; how many it deleted. */
  forgetPagesBefore(fetchedBefore: number, limit: number): number;
}
