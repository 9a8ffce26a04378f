/**
 * Document content quoted in an error message. Such messages are stored as a feed's last error
 * and printed by the CLI and the logs, so a hostile or binary body must not put control
 * characters (terminal escapes, bidi overrides, NULs) or megabytes into them.
 */

/** How many characters of document content one quoted piece keeps by default. */
const QUOTED_TEXT_MAX_CHARS = 80;

const WHITESPACE = /\s+/g;
/** Control characters and lone surrogates: shown as U+FFFD so the reader sees something was there. */
const UNPRINTABLE = /[\p{Cc}\p{Cs}]/gu;
/** Invisible format characters (bidi overrides, zero-width ones): dropped. */
const INVISIBLE = /\p{Cf}/gu;

/**
 * `text` fit for an error message: whitespace runs become one space, control characters become
 * U+FFFD, invisible format characters go, and at most `maxChars` characters remain (the last
 * one `…` when cut). Idempotent, so a message may pass through it twice.
 */
export function quoteDocumentText(text: string, maxChars: number = QUOTED_TEXT_MAX_CHARS): string {
  const clean = text.replace(WHITESPACE, ' ').replace(UNPRINTABLE, '\uFFFD').replace(INVISIBLE, '').trim();
  if (clean.length <= maxChars) return clean;
  const cut = clean.slice(0, Math.max(0, maxChars - 1));
  // Never end on half a surrogate pair.
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}
