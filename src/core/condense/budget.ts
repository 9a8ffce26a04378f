import { ELLIPSIS, graphemesWithin, markCut } from '../text/graphemes.js';
import { countWords, hasSpacelessScript } from './tokenize.js';

/** How much a briefing may hold. All three limits apply at once. */
export interface CondenseBudget {
  readonly maxSentences: number;
  readonly maxWords: number;
  readonly maxChars: number;
}

/** Three sentences, 60 words, 400 characters: a briefing read at a glance on a phone. */
export const DEFAULT_BUDGET: CondenseBudget = Object.freeze({ maxSentences: 3, maxWords: 60, maxChars: 400 });

/** Size of a list of sentences as a briefing shows them (joined by single spaces). */
export function measure(sentences: readonly string[]): { words: number; chars: number } {
  let words = 0;
  let chars = 0;
  for (const s of sentences) {
    words += countWords(s);
    chars += s.length;
  }
  return { words, chars: chars + Math.max(0, sentences.length - 1) };
}

/** Whether `sentences` fit the budget as a whole. */
function fitsBudget(sentences: readonly string[], budget: CondenseBudget): boolean {
  if (sentences.length > budget.maxSentences) return false;
  const { words, chars } = measure(sentences);
  return words <= budget.maxWords && chars <= budget.maxChars;
}

// What a sentence is cut into: words with the space before them.
const WORD_PIECE_RE = /\s*\S+/gu;
// The pauses of those scripts: a cut after one ends between two clauses.
const FULL_WIDTH_PAUSE_RE = /[，、；：]/gu;

/**
 * A single sentence longer than the whole budget, cut at a word boundary (in Chinese and
 * Japanese after a comma when one is in the second half) and ended with an ellipsis. This is the
 * only place a sentence is ever cut; the kept part is verbatim.
 */
export function trimToBudget(sentence: string, budget: CondenseBudget): string {
  if (fitsBudget([sentence], budget)) return sentence;
  let kept = '';
  let words = 0;
  for (const piece of piecesOf(sentence)) {
    const candidate = kept + piece;
    const w = words + countWords(piece);
    if (w > budget.maxWords || candidate.trimStart().length + ELLIPSIS.length > budget.maxChars) break;
    kept = candidate;
    words = w;
  }
  kept = kept.trimStart();
  if (!kept) kept = graphemesWithin(sentence, budget.maxChars - ELLIPSIS.length);
  return markCut(atLastPause(kept));
}

/** Words with the space before them; in Chinese and Japanese, the words the segmenter finds. */
function piecesOf(sentence: string): string[] {
  if (!hasSpacelessScript(sentence)) return sentence.match(WORD_PIECE_RE) ?? [];
  return Array.from(new Intl.Segmenter(undefined, { granularity: 'word' }).segment(sentence), (s) => s.segment);
}

/** `kept` up to and with its last full-width comma, when that keeps at least half of it. */
function atLastPause(kept: string): string {
  let end = -1;
  for (const m of kept.matchAll(FULL_WIDTH_PAUSE_RE)) end = m.index + 1;
  return end >= kept.length / 2 ? kept.slice(0, end) : kept;
}
