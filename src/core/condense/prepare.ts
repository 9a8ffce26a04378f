import { htmlToText } from '../text/html-to-text.js';
import { removeBoilerplate } from './boilerplate.js';
import { normalizeText } from './split-sentences.js';

/**
 * Article input -> the clean text the condenser splits: HTML through `htmlToText` (paragraphs
 * kept, scripts/figures/captions dropped, entities decoded), then article-page boilerplate
 * removed, then whitespace normalised. Plain text takes the same path minus the HTML step.
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
}

/** The clean text of an article (may be empty). */
export function prepareText(input: ArticleInput): string {
  const raw = input.text?.trim() ? input.text : input.html ? htmlToText(input.html) : '';
  return normalizeText(removeBoilerplate(normalizeText(raw)));
}

/** A headline as one clean line: tags and entities gone, whitespace collapsed. */
export function cleanHeadline(title: string): string {
  const plain = /[<&]/.test(title) ? htmlToText(title) : title;
  return plain.replace(/\s+/g, ' ').trim();
}
