import { condenseArticle, needsFullText, type CondenseBudget } from '../core/condense/index.js';
import type { Article, Briefing, FeedSpec } from '../core/types.js';
import type { FullTextExtractor } from '../fulltext/extract.js';
import type { Resummarize, Summarize } from './poll-ports.js';

export interface SummarizerDeps {
  readonly budget: CondenseBudget;
  /** Absent when full-text fetching is not wired (tests). */
  readonly fullText?: FullTextExtractor;
}

/**
 * The poller's Summarize port: condense the feed's own text, and when it is only a teaser
 * (per the feed's `fullText` mode) fetch the article page once and condense that instead.
 * A page that cannot be fetched falls back to the teaser, so the article still gets a briefing.
 */
export function createSummarizer(deps: SummarizerDeps): Summarize {
  return async (article: Article, feed: FeedSpec): Promise<Briefing> => {
    const teaser = feedText(article);
    let text = teaser;
    if (deps.fullText && article.url && needsFullText(teaser, feed.fullText, feed.language)) {
      const page = await deps.fullText.extract(article.url);
      if (page && page.text.length > teaser.length) text = page.text;
    }
    return condenseArticle({ title: article.title, text, language: feed.language }, deps.budget);
  };
}

/**
 * The poller's Resummarize port: an edited article gets its briefing made again from the feed's
 * new text, unless that text is only a teaser (then the page was the source, and it is not
 * fetched a second time: the first briefing stays).
 */
export function createResummarizer(deps: Pick<SummarizerDeps, 'budget'>): Resummarize {
  return (article: Article, feed: FeedSpec): Briefing | null => {
    const text = feedText(article);
    if (needsFullText(text, feed.fullText, feed.language)) return null;
    return condenseArticle({ title: article.title, text, language: feed.language }, deps.budget);
  };
}

/** The richest plain text the feed carried: full content when present, else the summary. */
function feedText(article: Article): string {
  return article.content.length >= article.summary.length ? article.content : article.summary;
}
