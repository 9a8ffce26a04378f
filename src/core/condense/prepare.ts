import { decodeEntities, htmlToText } from '../text/html-to-text.js';
import { removeBoilerplate } from './boilerplate.js';
import { withoutCode } from './code-lines.js';
import { normalizeText } from './split-sentences.js';
import { plainCutMark, stripReadMore, stripSignOff } from './teaser-tails.js';

/**
 * Article input -> the clean text the condenser splits: HTML through `htmlToText` (paragraphs
 * kept, scripts/figures/captions/code blocks dropped, entities decoded), lines of code dropped
 * (code-lines.ts), then article-page boilerplate
 * removed ("read more" labels and sign-offs after a paragraph's last sentence too, a cut marked
 * "[…]" marked "…"), then whitespace normalised.
 * Plain text takes the same path minus the HTML step.
 */

/** What an article offers the condenser; `text` wins over `html` when both are given. */
export interface ArticleInput {
  readonly title: string;
  /**
   * The article's own intro paragraph (chapeau), when the source marks it apart from the body,
   * as the example format's first line does. Read as the opening of the article: its sentences
   * are candidates like any other (early, so their terms weigh more), never forced in.
   */
  readonly lead?: string | null;
  readonly text?: string;
  readonly html?: string;
  readonly language?: string | null;
  /**
   * Paragraphs and sentences the article's feed repeats in its other items (see
   * repeated-paragraphs.ts): the channel's standing text, left out unless nothing else remains.
   */
  readonly repeated?: ReadonlySet<string>;
}

/**
 * The most of an article the condenser reads, in characters. News articles run to 3,000-10,000
 * and long reads to a few times that, so no real article is cut; a feed item or page carrying
 * megabytes (a dump, a whole report) would otherwise hold up the bot's thread for seconds.
 */
export const MAX_ARTICLE_CHARS = 50_000;

/** The clean text of an article (may be empty), from its first MAX_ARTICLE_CHARS characters. */
export function prepareText(input: ArticleInput): string {
  const raw = withoutCode(clipArticle(input.text?.trim() ? input.text : input.html ? htmlToText(input.html) : ''));
  const lines = normalizeText(raw).split('\n').map((line) => plainCutMark(stripReadMore(stripSignOff(line)))).join('\n');
  const clean = normalizeText(removeBoilerplate(lines));
  return input.repeated && input.repeated.size > 0 ? withoutRepeated(clean, input.repeated) : clean;
}

/** `text` up to MAX_ARTICLE_CHARS, ending at a paragraph or sentence end when one is near. */
function clipArticle(text: string): string {
  if (text.length <= MAX_ARTICLE_CHARS) return text;
  const head = text.slice(0, MAX_ARTICLE_CHARS);
  const paragraph = head.lastIndexOf('\n');
  if (paragraph > MAX_ARTICLE_CHARS / 2) return head.slice(0, paragraph);
  const sentence = Math.max(head.lastIndexOf('. '), head.lastIndexOf('! '), head.lastIndexOf('? '));
  return sentence > MAX_ARTICLE_CHARS / 2 ? head.slice(0, sentence + 1) : head;
}

function withoutRepeated(text: string, repeated: ReadonlySet<string>): string {
  const own = text.split('\n').filter((line) => !repeated.has(line));
  return own.some(Boolean) ? normalizeText(own.join('\n')) : text;
}

/**
 * A headline as one clean line: entities decoded (some JSON feeds write them in plain-text
 * titles), whitespace collapsed. A title is text already (the feed parser read its markup), so
 * angle brackets stay: reading it as HTML again turned "Why Vec<T> beats a <div>" into "Why Vec
 * beats a".
 */
export function cleanHeadline(title: string): string {
  return decodeEntities(title).replace(/\s+/g, ' ').trim();
}
