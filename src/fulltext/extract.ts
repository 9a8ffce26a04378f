import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { removeBoilerplate } from '../core/condense/boilerplate.js';
import { htmlToText } from '../core/text/html-to-text.js';
import { FeedFetchError } from '../feeds/http-errors.js';
import type { Logger } from '../log.js';
import { linkShare } from './link-share.js';
import { removePageBoilerplate } from './page-boilerplate.js';

/**
 * Full text for teaser-only feeds: fetch the article page once, keep its main text with
 * Mozilla Readability (on linkedom, no browser), drop page boilerplate. Every failure (HTTP
 * error, timeout, not an article) is logged and answered with null, so the caller keeps the
 * teaser: a missing page never costs an article its briefing.
 */

/** The only thing the extractor needs from the network: a page's HTML, or a throw. */
export type FetchPage = (url: string) => Promise<string>;

/** An article page's main text (paragraphs separated by blank lines) and its title. */
export interface FullText {
  readonly text: string;
  readonly title: string | null;
}

export interface FullTextExtractor {
  /** The page's main text, or null when it could not be fetched or holds no article. Never throws. */
  extract(url: string): Promise<FullText | null>;
}

/** What reading a page gave: its main text, or null and whether asking again later may give more. */
export interface PageReading {
  readonly page: FullText | null;
  /**
   * The page could not be fetched for a reason that passes (a timeout, a network error, a 5xx or
   * 429, a fetch cut short by shutdown); false when it was read, or will not change by itself
   * (404, a login wall, no article text on it).
   */
  readonly worthRetrying: boolean;
}

/** An extractor that also says why a page gave nothing (see PageReading); `read` never throws. */
export interface PageReader extends FullTextExtractor {
  read(url: string): Promise<PageReading>;
}

/** Pages whose main text is shorter than this are not articles (consent walls, error pages). */
const MIN_TEXT_CHARS = 200;

/** Reads a page's main text, as extractFromHtml does: the bot passes the parse pool's, off its thread. */
export type ExtractPage = (html: string) => Promise<FullText | null>;

/**
 * An extractor over `fetchPage`, reading pages with `extractPage` (default: extractFromHtml in
 * this thread); `logger` hears about failures (key `url`).
 */
export function createFullTextExtractor(deps: { fetchPage: FetchPage; extractPage?: ExtractPage; logger?: Logger }): PageReader {
  const extractPage = deps.extractPage ?? (async (html: string) => extractFromHtml(html));
  const read = async (url: string): Promise<PageReading> => {
    try {
      const html = await deps.fetchPage(url);
      const page = await extractPage(html);
      if (!page) deps.logger?.info({ url }, 'fulltext: no article text on page');
      return { page, worthRetrying: false };
    } catch (error) {
      deps.logger?.warn({ url, err: error }, 'fulltext: page fetch failed, keeping the teaser');
      // The fetcher's one decision on retrying; anything else (a wall, a 304) is the page's answer.
      return { page: null, worthRetrying: error instanceof FeedFetchError && error.retryable };
    }
  };
  return { read, extract: async (url) => (await read(url)).page };
}

/** A main text mostly made of link text is a list of headlines, not an article. */
const MAX_LINK_SHARE = 0.5;

/**
 * Main text of an article page's HTML, or null when the page holds no article: Readability finds
 * none, or what it keeps is mostly link text. On a front page or a section index Readability
 * takes the list of headlines for the article; a feed item that links to one (a live blog's
 * landing page, a section) would otherwise be briefed as a list of other stories, and
 * `newsbrief brief page.html` would brief a menu. Null keeps the feed's teaser.
 */
export function extractFromHtml(html: string): FullText | null {
  const page = readMainContent(html);
  if (page === null || linkShare(page.content) > MAX_LINK_SHARE) return null;
  return { text: page.text, title: page.title };
}

/** Readability's main content of a page, as HTML and as text, with the title; null when it holds no article text. */
function readMainContent(html: string): (FullText & { readonly content: string }) | null {
  const { document } = parseHTML(html);
  removePageBoilerplate(document as unknown as Parameters<typeof removePageBoilerplate>[0]);
  const reader = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: MIN_TEXT_CHARS });
  const article = reader.parse();
  if (!article?.content) return null;
  const text = removeBoilerplate(htmlToText(article.content));
  if (text.length < MIN_TEXT_CHARS) return null;
  return { content: article.content, text, title: cleanPageTitle(article.title) };
}

/** A page title without a trailing site name ("Kabinet valt | NOS" -> "Kabinet valt"). */
function cleanPageTitle(title: string | null | undefined): string | null {
  const t = title?.replace(/\s+/g, ' ').trim();
  if (!t) return null;
  const m = /^(.{10,}?)\s+[|–—-]\s+[^|–—-]{2,40}$/u.exec(t);
  return m?.[1] ?? t;
}
