/**
 * The fingerprint of what a reader sees of an article, stored so the poller can tell an item
 * edited upstream from a repeat without keeping the old text. It runs for every item of every
 * fetched document, so it is node:crypto's native SHA-256 (about a third of the cost of a hash
 * written in JavaScript), cut to 64 bits: it only has to tell one article's versions apart.
 */
import { createHash } from 'node:crypto';

/** The three texts as parsing leaves them: clean, with whitespace already collapsed. */
export interface HashedText {
  readonly title: string;
  readonly summary: string;
  readonly content: string;
}

/**
 * 16 hex digits of SHA-256 over the title, summary and content joined by U+0001. The texts
 * are the cleaned ones (wireTitle, htmlToText), so a change of markup or whitespace alone
 * upstream gives the same hash and is not an edit.
 */
export function contentHash(article: HashedText): string {
  return createHash('sha256')
    .update(article.title)
    .update('\u0001')
    .update(article.summary)
    .update('\u0001')
    .update(article.content)
    .digest('hex')
    .slice(0, 16);
}
