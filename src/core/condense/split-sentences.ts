import type { LanguageCode } from '../types.js';
import { MONTHS, abbreviationsFor } from './abbreviations.js';
import { QuoteState } from './quote-state.js';
import { speechVerbPattern } from './speech-verbs.js';
import { stopwordsFor } from './stopwords.js';

/**
 * A rule-based sentence splitter that knows each language's abbreviations, initials, decimals,
 * ordinal dates (`3. Oktober`), times, ellipses and the quote styles of nl/en/de/fr
 * („…”, “…”, ‘…’, «…», ,,…''), the full-width 。！？ of Chinese and Japanese, and the stops of
 * scripts without capitals (؟ ۔ । ॥ ።). Line breaks always end a sentence (paragraphs, list items).
 * Sentences are slices of `normalizeText(text)`, so each occurs verbatim in the normalised text.
 */

/** One sentence with the index of the paragraph (line) it came from. */
export interface SentenceSpan {
  readonly text: string;
  readonly paragraph: number;
}

/**
 * The normalisation every sentence is a slice of: Unix line breaks, no-break and other odd spaces
 * as plain spaces, runs of spaces collapsed, lines trimmed, at most one blank line in a row.
 */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b\u200c\u200d\ufeff\u00ad]/g, '')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// A terminal run (with the Arabic question mark, the Urdu full stop and the Devanagari and
// Ethiopic stops), then closing quotes/brackets (French « … » has a space before »), then a space;
// or a stop glued between a lower-case word and a capitalised one, as a feed that dropped its
// paragraph breaks leaves them ("Urlaub.Danach", "weiter?Das"; an abbreviation before it still
// holds, see endsSentence); or a full-width terminal (Chinese, Japanese), which ends a sentence
// whether a space follows or not, and needs no capital after it.
const TERMINAL_RE = /[.!?…؟۔।॥።]+(?:[”’"'»)\]“]|\s»)*(?=\s)|(?<=\p{Ll}{2})[.!?](?=\p{Lu}\p{Ll})|[。！？]+[」』”’）)]*/gu;
// Greek also ends a question with `;` (U+037E normalises to it).
const GREEK_TERMINAL_RE = /[.!?…;\u037e]+(?:[”’"'»)\]“]|\s»)*(?=\s)/gu;
const FULL_WIDTH_END_RE = /^[。！？]/u;
const OPENERS_RE = /^(?:,,|[“"'‘„«‹(\[¿¡–—-]\s?)+/u;
// A sentence opens with a capital, a digit, or a letter of a script that has no case (Arabic,
// Hebrew, Devanagari, …), where nothing but the terminal marks the start of a new sentence.
const SENTENCE_START_RE = /^[\p{Lu}\p{Lt}\p{Lo}\p{N}]/u;
// Dutch (and Afrikaans) elided articles open a sentence in lower case after an apostrophe:
// "'s Ochtends …", "’t Is …", "'n Man …"; the apostrophe is not an opening quote there.
const ELIDED_START_RE = /^['’‘][stn]\s+\p{L}/u;
const WORD_BEFORE_RE = /([\p{L}\p{N}]+(?:\.[\p{L}\p{N}]+)*)$/u;
const FIRST_WORD_RE = /^[\p{L}\p{N}]+/u;
const DOTTED_RE = /^(?:\p{L}\.)+\p{L}$/u;
const INITIAL_RE = /^\p{Lu}$/u;
const SHORT_NUMBER_RE = /^\p{N}{1,2}$/u;
const DIGIT_START_RE = /^\p{N}/u;
// An all-capitals word is an acronym (`ING.`, `VS.`), never the lower-case abbreviation it spells.
const ACRONYM_RE = /^\p{Lu}{2,}$/u;
const DOUBLED_CAPITAL_RE = /^(\p{Lu})\1$/u;

// English names the speaker after a quoted question or exclamation, in the same sentence: "'Did you
// sign it?' Hart asked.", "'Stop!' Protesters shouted." Dutch and German invert ("vroeg Hart", ", fragte
// Hart"), so a lower-case verb or a comma follows and the quote never ends there anyway.
const ENGLISH_ATTRIBUTION_RE = new RegExp(String.raw`^(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}(?:${speechVerbPattern('en')})(?![\p{L}])`, 'u');
const QUOTED_QUESTION_RE = /[?!][”’"']/u;
// A `.` inside a quotation still ends a sentence (quote-state.ts follows the quotation on).
const QUOTATION_MARK_RUN_RE = /[!?]/u;

/** Sentences of `text` with their paragraph index; empty lines are skipped. */
export function splitSentenceSpans(text: string, language: LanguageCode): SentenceSpan[] {
  const abbr = abbreviationsFor(language);
  const stop = stopwordsFor(language);
  const out: SentenceSpan[] = [];
  const lines = normalizeText(text).split('\n');
  let paragraph = 0;
  for (const line of lines) {
    if (!line) continue;
    let start = 0;
    const terminal = language === 'el' ? GREEK_TERMINAL_RE : TERMINAL_RE;
    terminal.lastIndex = 0;
    for (let m = terminal.exec(line); m; m = terminal.exec(line)) {
      const end = m.index + m[0].length;
      if (FULL_WIDTH_END_RE.test(m[0])) {
        out.push({ text: line.slice(start, end).trim(), paragraph });
        start = end;
        continue;
      }
      const rest = line.slice(end).trimStart();
      const elided = ELIDED_START_RE.test(rest);
      const afterOpeners = elided ? rest.slice(1) : rest.replace(OPENERS_RE, '');
      if (!elided && !SENTENCE_START_RE.test(afterOpeners)) continue;
      if (language === 'en' && QUOTED_QUESTION_RE.test(m[0]) && ENGLISH_ATTRIBUTION_RE.test(rest)) continue;
      if (QUOTATION_MARK_RUN_RE.test(m[0]) && insideQuotation(line, start, m.index, m[0], language)) continue;
      if (m[0].startsWith('.') && !m[0].startsWith('..')) {
        const before = WORD_BEFORE_RE.exec(line.slice(start, m.index))?.[1];
        const nextWord = FIRST_WORD_RE.exec(afterOpeners)?.[0] ?? '';
        if (before && !endsSentence(before, nextWord, abbr, stop, language)) continue;
      }
      out.push({ text: line.slice(start, end).trim(), paragraph });
      start = end;
    }
    const tail = line.slice(start).trim();
    if (tail) out.push({ text: tail, paragraph });
    paragraph++;
  }
  return out;
}

/** Sentences of `text`, in order, each verbatim in `normalizeText(text)`. */
export function splitSentences(text: string, language: LanguageCode): string[] {
  return splitSentenceSpans(text, language).map((s) => s.text);
}

/**
 * Whether the `!` or `?` run `mark` at `index` stands inside a quotation of the sentence that
 * closes later on the line: a title ("Stop! In the Name of Love", 'Vanquish the virus? Australia
 * and New Zealand aim to show the way') or a cry („Halt! Polizei!“, rief er), not the end of the
 * sentence. A run that closes the quotation itself ("Stop!" The crowd …) still ends it.
 */
function insideQuotation(line: string, start: number, index: number, mark: string, language: string): boolean {
  const quotes = new QuoteState(language);
  quotes.read(line.slice(start, index));
  const open = quotes.open;
  if (open === 0 || quotes.read(mark) < open) return false;
  return quotes.read(line.slice(index + mark.length)) < open;
}

function endsSentence(
  before: string,
  nextWord: string,
  abbr: ReturnType<typeof abbreviationsFor>,
  stop: ReadonlySet<string>,
  language: LanguageCode,
): boolean {
  // Spanish writes plural abbreviations with doubled capitals, in two parts: EE. UU., FF. AA.
  if (language === 'es' && DOUBLED_CAPITAL_RE.test(before) && DOUBLED_CAPITAL_RE.test(nextWord)) return false;
  const next = nextWord.toLowerCase();
  if (ACRONYM_RE.test(before)) return true;
  const lower = before.toLowerCase();
  if (abbr.hard.has(lower)) return false;
  if (abbr.numeric.has(lower) && DIGIT_START_RE.test(next)) return false;
  if (abbr.soft.has(lower) || DOTTED_RE.test(before)) return stop.has(next);
  if (INITIAL_RE.test(before)) return false;
  if (SHORT_NUMBER_RE.test(before)) {
    if (MONTHS.has(next)) return false;
    if (language === 'de' && !stop.has(next)) return false;
  }
  return true;
}
