import { linkOf } from './story-keys.js';
import type { StoredBriefing } from './types.js';

/** An article a chat received (by digest or /latest), named by its link and its identity. */
export interface ReceivedLink {
  /** The article's link (linkOf). */
  readonly link: string;
  readonly feedId: string;
  readonly articleId: string;
}

/**
 * `briefings` without the ones the chat has had already under another article: a briefing whose
 * link the chat received in an article that is not itself among `briefings`. That article is
 * yesterday's copy of the story (another feed carried the link first, or the feed reissued an old
 * item under a new guid), and the reader would get the same article twice. A received article
 * still among `briefings` stays, and its copies with it: they are one story (clusterStories),
 * shown once, as before.
 */
export function withoutRepeats<B extends StoredBriefing>(briefings: readonly B[], received: readonly ReceivedLink[]): readonly B[] {
  if (received.length === 0) return briefings;
  const here = new Set(briefings.map((briefing) => identityOf(briefing.feedId, briefing.articleId)));
  const had = new Set(received.filter((copy) => !here.has(identityOf(copy.feedId, copy.articleId))).map((copy) => copy.link));
  if (had.size === 0) return briefings;
  return briefings.filter((briefing) => {
    const link = linkOf(briefing.url);
    return link === null || !had.has(link);
  });
}

function identityOf(feedId: string, articleId: string): string {
  return `${feedId}\n${articleId}`;
}
