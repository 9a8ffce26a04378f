/**
 * Cheap looks at the start of a document, to say what it is before anything reads it in full:
 * binary data (an image, a gzip body served without its Content-Encoding, garbage).
 */

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
