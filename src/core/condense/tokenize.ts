/**
 * Word tokens as the evaluation counts them: NFKC, lower case, runs of Unicode letters, marks
 * and digits. Punctuation and apostrophes separate tokens. Works for any script.
 */

const TOKEN_RE = /[\p{L}\p{M}\p{N}]+/gu;
const WORD_RE = /[\p{L}\p{M}\p{N}]+/u;

/** Lower-case word tokens of `text`, in order. */
export function tokenize(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(TOKEN_RE) ?? [];
}

// Chinese and Japanese are written without spaces: each character counts as one token there.
// Hiragana, Katakana and the CJK ideographs, as plain ranges: a quick test before the exact count.
const SPACELESS_RE = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const SPACELESS_CHAR = String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]`;
// One such character, or a run of other letters and digits ("Instagram" in "新设Instagram账号").
const READER_TOKEN_RE = new RegExp(String.raw`${SPACELESS_CHAR}|(?:(?!${SPACELESS_CHAR})[\p{L}\p{M}\p{N}])+`, 'gu');
const RUN_RE = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * How many words a reader sees in `text`, for telling a sentence from a fragment: runs of
 * letters and digits, and each character of scripts written without spaces.
 */
export function countTokens(text: string): number {
  // The simpler pattern is much faster, and right for every text without such characters.
  return text.match(SPACELESS_RE.test(text) ? READER_TOKEN_RE : RUN_RE)?.length ?? 0;
}

/**
 * Number of words as shown to readers, what the briefing budget counts: whitespace-separated
 * chunks that hold a letter or digit; in Chinese and Japanese, written without spaces (a sentence
 * of theirs is one chunk, and the budget would not hold it), the words the platform's word
 * segmenter finds with its dictionary, about one for every two characters.
 */
export function countWords(text: string): number {
  // Tested once for the whole text: most texts have no such script, and then no chunk needs a look.
  const spaceless = SPACELESS_RE.test(text);
  let n = 0;
  let segmenter: Intl.Segmenter | undefined;
  for (const chunk of text.split(/\s+/)) {
    if (!WORD_RE.test(chunk)) continue;
    if (!spaceless || !SPACELESS_RE.test(chunk)) {
      n++;
      continue;
    }
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
    for (const segment of segmenter.segment(chunk)) if (segment.isWordLike) n++;
  }
  return n;
}

/** Whether `text` holds Chinese or Japanese, which are written without spaces between words. */
export function hasSpacelessScript(text: string): boolean {
  return SPACELESS_RE.test(text);
}

/**
 * Content terms for similarity: tokens without stopwords, cut to a short prefix so that
 * inflected forms (`verkiezing`/`verkiezingen`, `Wahl`/`Wahlen`) meet without a stemmer.
 */
export function contentTerms(text: string, stopwords: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) {
    if (stopwords.has(t) || (t.length < 2 && !/\p{N}/u.test(t))) continue;
    out.push(t.length > 7 ? t.slice(0, 7) : t);
  }
  return out;
}
