import { ELLIPSIS, graphemesWithin, markCut } from '../text/graphemes.js';
import { countWords } from './tokenize.js';

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

/**
 * A single sentence longer than the whole budget, cut at a word boundary and ended with an
 * ellipsis. This is the only place a sentence is ever cut; the kept part is verbatim.
 */
export function trimToBudget(sentence: string, budget: CondenseBudget): string {
  if (fitsBudget([sentence], budget)) return sentence;
  const parts = sentence.split(' ');
  let kept = '';
  let words = 0;
  for (const part of parts) {
    const candidate = kept ? `${kept} ${part}` : part;
    const w = words + countWords(part);
    if (w > budget.maxWords || candidate.length + ELLIPSIS.length > budget.maxChars) break;
    kept = candidate;
    words = w;
  }
  if (!kept) kept = graphemesWithin(sentence, budget.maxChars - ELLIPSIS.length);
  return markCut(kept);
}
