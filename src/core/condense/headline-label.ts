/**
 * A column's or series' label before a headline's colon ("MARIA VOS: Why the bridge …"), which
 * some feeds repeat at the start of the teaser ("MARIA VOS: Nobody asked …"). Under the headline
 * the briefing shows, the repeat is noise. Only the headline's own label goes, so a teaser's
 * "WARNING GRAPHIC CONTENT: …" stays, and so does a title with a colon in it that both go on with
 * ("Star Quest: Origins will …" over "Star Quest: Origins is …").
 */

// At most five words before the first colon: a name or a series, not a clause.
const LABEL_RE = /^([^:：]{2,60}?)\s*[:：]\s*([\p{L}\p{N}]*)/u;
const MAX_LABEL_WORDS = 5;
const COLON_RE = /^\s*[:：]\s*/u;
const FIRST_WORD_RE = /^[\p{L}\p{N}]*/u;
// What follows must open a sentence: a capital, a letter without case, a digit or a quote.
const SENTENCE_OPEN_RE = /^[\p{Lu}\p{Lo}\p{N}"“„'‘«]/u;

/** A headline's label and the word after its colon. */
export interface HeadlineLabel {
  readonly text: string;
  readonly nextWord: string;
}

/** The headline's label (text before its colon), or null when it has none. */
export function headlineLabel(headline: string): HeadlineLabel | null {
  const m = LABEL_RE.exec(headline);
  const text = m?.[1]?.trim();
  if (!text || text.split(/\s+/).length > MAX_LABEL_WORDS) return null;
  return { text, nextWord: m?.[2] ?? '' };
}

/** `sentence` without a leading `label` and its colon, in any case; unchanged otherwise. */
export function stripHeadlineLabel(sentence: string, label: HeadlineLabel | null): string {
  if (label === null || sentence.slice(0, label.text.length).toLowerCase() !== label.text.toLowerCase()) return sentence;
  const colon = COLON_RE.exec(sentence.slice(label.text.length));
  if (!colon) return sentence;
  const rest = sentence.slice(label.text.length + colon[0].length);
  const sameNext = FIRST_WORD_RE.exec(rest)?.[0] === label.nextWord && label.nextWord !== '';
  return SENTENCE_OPEN_RE.test(rest) && !sameNext ? rest : sentence;
}
