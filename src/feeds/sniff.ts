/**
 * Cheap looks at the start of a document, to say what it is before anything reads it in full:
 * binary data (an image, a gzip body served without its Content-Encoding, garbage), or a feed.
 */
import { looksLikeJsonFeed } from './parse-json.js';

/** Root element names (local, lower-case) of RSS 0.9x/2.0, RSS 1.0 (rdf:RDF) and Atom documents. */
export const FEED_ROOTS: ReadonlySet<string> = new Set(['rss', 'rdf', 'feed', 'channel']);

/** How much of the start of a document the sniffers read. */
const SNIFF_CHARS = 1024;

/** Characters no text document holds in numbers: C0 controls other than tab, LF and CR; DEL; U+FFFD from undecodable bytes. */
const NOT_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/g;

/**
 * True when the decoded start of a document is not text: more than one character in twenty is
 * a control character or an undecodable byte (random bytes give about one in eight; real feeds,
 * even broken ones, a handful at most). A very short body needs at least five such characters.
 */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, SNIFF_CHARS);
  const count = sample.match(NOT_TEXT)?.length ?? 0;
  return count > Math.max(4, sample.length / 20);
}

/**
 * True when the text is a feed document (RSS, RDF, Atom or JSON Feed) by its root element, as
 * parseFeed takes it: for commands that expect an article, so they can say so instead of
 * reading a feed's markup as one article.
 */
export function looksLikeFeed(text: string): boolean {
  const start = text.replace(/^\uFEFF/, '').slice(0, 4 * SNIFF_CHARS);
  if (looksLikeJsonFeed(start)) return true;
  const root = /^<(?:[\w.-]+:)?([\w.-]+)/.exec(start.slice(prologEnd(start)))?.[1];
  return root !== undefined && FEED_ROOTS.has(root.toLowerCase());
}

/** Where the root element may start: after whitespace, processing instructions (the XML declaration), comments and a DOCTYPE. */
function prologEnd(text: string): number {
  let pos = 0;
  for (;;) {
    while (pos < text.length && /\s/.test(text.charAt(pos))) pos++;
    const next = text.startsWith('<?', pos) ? past(text, '?>', pos)
      : text.startsWith('<!--', pos) ? past(text, '-->', pos)
      : /^<!doctype/i.test(text.slice(pos, pos + 9)) ? doctypeEnd(text, pos)
      : -1;
    if (next < 0) return pos;
    pos = next;
  }
}

/** Just past the DOCTYPE at `from`, internal subset included; -1 when it does not end. */
function doctypeEnd(text: string, from: number): number {
  const bracket = text.indexOf('[', from);
  const gt = text.indexOf('>', from);
  if (bracket < 0 || (gt >= 0 && gt < bracket)) return past(text, '>', from);
  const subsetEnd = past(text, ']', bracket);
  return subsetEnd < 0 ? -1 : past(text, '>', subsetEnd);
}

/** The index just past the first `token` at or after `from`, or -1. */
function past(text: string, token: string, from: number): number {
  const at = text.indexOf(token, from);
  return at < 0 ? -1 : at + token.length;
}
