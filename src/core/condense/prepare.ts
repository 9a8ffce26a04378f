import { htmlToText } from '../text/html-to-text.js';
import { removeBoilerplate } from './boilerplate.js';
import { normalizeText } from './split-sentences.js';
import { stripReadMore } from './teaser-tails.js';

/**
 * Article input -> the clean text the condenser splits: HTML through `htmlToText` (paragraphs
 * kept, scripts/figures/captions dropped, entities decoded), then article-page boilerplate
 * removed ("read more" labels after a paragraph's last sentence too), then whitespace normalised.
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

/** The clean text of an article (may be empty). */
export function prepareText(input: ArticleInput): string {
  const raw = input.text?.trim() ? input.text : input.html ? htmlToText(input.html) : '';
  const lines = normalizeText(raw).split('\n').map(stripReadMore).join('\n');
  const clean = normalizeText(removeBoilerplate(lines));
  return input.repeated && input.repeated.size > 0 ? withoutRepeated(clean, input.repeated) : clean;
}

function withoutRepeated(text: string, repeated: ReadonlySet<string>): string {
  const own = text.split('\n').filter((line) => !repeated.has(line));
  return own.some(Boolean) ? normalizeText(own.join('\n')) : text;
}

/** A headline as one clean line: tags and entities gone, whitespace collapsed. */
export function cleanHeadline(title: string): string {
  const plain = /[<&]/.test(title) ? htmlToText(title) : title;
  return plain.replace(/\s+/g, ' ').trim();
}
