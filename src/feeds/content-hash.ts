/**
 * The fingerprint of what a reader sees of an article, stored so the poller can tell an item
 * edited upstream from a repeat without keeping the old text. It runs for every item of every
 * fetched document, so it is node:crypto's native SHA-256 (about a third of the cost of a hash
 * written in JavaScript), cut to 64 bits: it only has to tell one article's versions apart.
 * One-shot `hash()` over the joined text: one call into C++ per item instead of seven.
 */
import { hash } from 'node:crypto';

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
  // The separator cannot pair with a surrogate, so the bytes equal those of separate updates.
  return hash('sha256', `${article.title}\u0001${article.summary}\u0001${article.content}`, 'hex').slice(0, 16);
}
