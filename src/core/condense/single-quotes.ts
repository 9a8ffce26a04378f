/**
 * Single quotation marks told apart from apostrophes. British and Australian papers quote with
 * ' or ‘ … ' or ’, the very marks that write `don't`, `the Prime Minister's`, `Jones'`, `'90s`
 * and the Dutch elided articles (`'s ochtends`, `’t is`). A quotation opens only at the start of
 * a word, after a space, a bracket or another quote, and not where an elision begins; it closes
 * only at the end of a word, before a space or punctuation. A possessive `Jones' car` looks like
 * a close; only a close after the quotation's own punctuation (`,'` `.'`) is told for sure.
 */

/** What may stand before an opening quote: nothing, a space, a bracket, a dash or another quote. */
const BEFORE_OPEN_RE = /[\s(\[{"“„«‹—–-]/u;
const WORD_START_RE = /[\p{L}\p{N}]/u;
// Elisions that begin with the apostrophe: the Dutch one-letter words ('s, 't, 'n, 'k, 'm, 'r,
// also in 's-Hertogenbosch), a decade or year ('90s, '06), English 'em, 'cause, 'til, 'tis,
// 'twas and rock 'n' roll.
const ELISION_RE = /^[stnkmr](?=[\s-])|^\d\d(?!\d)|^(?:em|cause|til|tis|twas|n')(?![\p{L}])/iu;
/** What may follow a closing quote: nothing, a space, punctuation or another closing mark. */
const AFTER_CLOSE_RE = /[\s.,;:!?…)\]}"”»›—–-]/u;
const PUNCTUATION_BEFORE_CLOSE_RE = /[.,!?…]/u;
const SPACE_RE = /\s/u;

/** Whether `text[k]` (' or ‘) opens a quotation. German closes with ‘ (‚…‘): its caller asks only about '. */
export function opensSingleQuote(text: string, k: number): boolean {
  const ch = text[k];
  if (ch !== "'" && ch !== '‘') return false;
  const before = text[k - 1];
  if (before !== undefined && !BEFORE_OPEN_RE.test(before)) return false;
  const after = text[k + 1];
  if (after === undefined || after === "'" || !WORD_START_RE.test(after)) return false;
  return !ELISION_RE.test(text.slice(k + 1, k + 6));
}

/**
 * Whether `text[k]` (' or ’) can close a quotation: it ends a word. `certain` asks for a close
 * no apostrophe makes, one right after the quotation's comma or stop ("… in parliament,' he said").
 */
export function closesSingleQuote(text: string, k: number, certain = false): boolean {
  const ch = text[k];
  if (ch !== "'" && ch !== '’') return false;
  const before = text[k - 1];
  const after = text[k + 1];
  if (before === undefined || SPACE_RE.test(before) || (ch === "'" && (before === "'" || after === "'"))) return false;
  if (after !== undefined && !AFTER_CLOSE_RE.test(after)) return false;
  return !certain || PUNCTUATION_BEFORE_CLOSE_RE.test(before);
}
