import { condenseArticle, needsFullText, prepareText, repeatedParagraphs, repeatedSentences, type CondenseBudget } from '../core/condense/index.js';
import type { Article, Briefing, FeedSpec } from '../core/types.js';
import type { FullTextExtractor } from '../fulltext/extract.js';
import type { Resummarize, Summarize } from './poll-ports.js';

export interface SummarizerDeps {
  readonly budget: CondenseBudget;
  /**
   * Absent when full-text fetching is not wired (tests). The bot's reads each page once across
   * feeds (fulltext/once-per-page.ts), so every copy of an article gets the same page text.
   */
  readonly fullText?: FullTextExtractor;
}

/**
 * The poller's Summarize port: condense the feed's own text, and when it is only a teaser
 * (per the feed's `fullText` mode) fetch the article page once and condense that instead.
 * A page that cannot be fetched falls back to the teaser, so the article still gets a briefing.
 * Paragraphs and sentences the article's siblings in the feed document repeat are the feed's
 * standing text and are left out (see repeated-paragraphs.ts); they do not make a teaser look
 * long either.
 */
export function createSummarizer(deps: SummarizerDeps): Summarize {
  const standingText = createStandingText();
  return async (article: Article, feed: FeedSpec, siblings?: readonly Article[]): Promise<Briefing> => {
    const repeated = standingText(siblings, feed.language);
    const teaser = feedText(article);
    let text = teaser;
    if (deps.fullText && article.url && needsFullText(teaser, feed.fullText, feed.language, repeated)) {
      const page = await deps.fullText.extract(article.url);
      if (page && page.text.length > teaser.length) text = page.text;
    }
    return condenseArticle({ title: article.title, text, language: feed.language, repeated }, deps.budget);
  };
}

/**
 * The poller's Resummarize port: an edited article gets its briefing made again from the feed's
 * new text, unless that text is only a teaser (then the page was the source, and it is not
 * fetched a second time: the first briefing stays).
 */
export function createResummarizer(deps: Pick<SummarizerDeps, 'budget'>): Resummarize {
  const standingText = createStandingText();
  return (article: Article, feed: FeedSpec, siblings?: readonly Article[]): Briefing | null => {
    const repeated = standingText(siblings, feed.language);
    const text = feedText(article);
    if (needsFullText(text, feed.fullText, feed.language, repeated)) return null;
    return condenseArticle({ title: article.title, text, language: feed.language, repeated }, deps.budget);
  };
}

const NOTHING_REPEATED: ReadonlySet<string> = new Set();

/**
 * The paragraphs and sentences a feed document's items repeat, worked out once per document:
 * the poller passes the same array for each of its articles (all of one feed, one language).
 */
function createStandingText(): (siblings: readonly Article[] | undefined, language: string) => ReadonlySet<string> {
  const byDocument = new WeakMap<readonly Article[], ReadonlySet<string>>();
  return (siblings, language) => {
    if (siblings === undefined) return NOTHING_REPEATED;
    let repeated = byDocument.get(siblings);
    if (repeated === undefined) {
      const texts = siblings.map((sibling) => prepareText({ title: '', text: feedText(sibling) }));
      repeated = new Set([...repeatedParagraphs(texts), ...repeatedSentences(texts, language)]);
      byDocument.set(siblings, repeated);
    }
    return repeated;
  };
}

/** The richest plain text the feed carried: full content when present, else the summary. */
function feedText(article: Article): string {
  return article.content.length >= article.summary.length ? article.content : article.summary;
}
