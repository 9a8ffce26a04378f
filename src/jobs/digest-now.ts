import { digestWindowStart, type Digest } from '../core/digest.js';
import type { TopicNames } from '../core/topic-names.js';
import type { FeedSpec, Subscriber } from '../core/types.js';
import type { ArticleRepository, BriefingRecord } from '../store/article-repository.js';
import type { SubscriberRepository } from '../store/subscriber-repository.js';
import { createDigestMaker, digestArticleSeqs, listDigestCandidates, receivedByChat, type DigestOptions } from './digest-parts.js';

export interface DigestNowDeps {
  readonly articles: Pick<ArticleRepository, 'listBriefingsSince'>;
  /** What the chat had of the candidates' links under other articles (left out, as the daily digest does). */
  readonly subscribers: Pick<SubscriberRepository, 'receivedCopies'>;
  readonly catalog: readonly FeedSpec[];
  /** What readers call the topics, for the section headings (default: ids, capitalised). */
  readonly topicNames?: TopicNames;
  readonly options: Pick<DigestOptions, 'topN'>;
}

/** A digest made on demand (the bot's DigestOnDemand): HTML messages in order and the article seqs shown. */
export interface DigestNowResult {
  readonly parts: readonly string[];
  readonly articleSeqs: readonly number[];
  readonly digest: Digest<BriefingRecord>;
}

/**
 * The digest for one chat right now, exactly as the daily one would look at `now` (same window,
 * ranking, grouping and rendering), for the bot's /digest. It only builds: it sends nothing and
 * does not count as the day's digest. Null when nothing is new.
 */
function digestNow(deps: DigestNowDeps, chat: Subscriber, now: number): DigestNowResult | null {
  const briefings = listDigestCandidates(deps.articles, digestWindowStart(chat.lastDigestAt, now));
  const received = receivedByChat(deps.subscribers.receivedCopies([chat.chatId], briefings.map((briefing) => briefing.articleSeq))).get(chat.chatId);
  const make = createDigestMaker(briefings, { feeds: deps.catalog, topicNames: deps.topicNames }, { topN: deps.options.topN, quietLine: false }, now);
  const { digest, parts } = make(chat, undefined, received);
  return digest === null ? null : { parts, articleSeqs: digestArticleSeqs(digest), digest };
}

/** digestNow bound to its dependencies, in the shape the bot's `BotDeps.digestNow` port expects. */
export function createDigestNow(deps: DigestNowDeps): (chat: Subscriber, now: number) => Promise<DigestNowResult | null> {
  return async (chat, now) => digestNow(deps, chat, now);
}
