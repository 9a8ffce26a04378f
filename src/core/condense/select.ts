import type { CondenseBudget } from './budget.js';

/**
 * Budgeted selection: among the best-scored candidates, the set of at most `maxSentences`
 * sentences that fits the word and character budget and carries the most relevant words,
 * with redundancy between chosen sentences (MMR-style) and dangling references penalised.
 * Exhaustive over a short list, so a long first pick never crowds out two good short ones.
 */

/** One sentence as the selector sees it. */
export interface SelectionItem {
  /** Relevance per word, 0..1. */
  readonly score: number;
  readonly words: number;
  readonly chars: number;
  /** Starts with a pronoun or connective that points back ("Dat zei hij", "He added"). */
  readonly dangling: boolean;
}

/** Knobs of the selection objective. */
export interface SelectionOptions {
  /** How many top-scored candidates are considered. */
  readonly shortlist: number;
  /** Weight of pairwise similarity between chosen sentences. */
  readonly redundancy: number;
  /** Factor on a dangling sentence's score when the sentence before it is not chosen. */
  readonly danglingFactor: number;
  /** Relevance a sentence must exceed to be worth its words. */
  readonly threshold: number;
  /** A sentence's value grows with words^lengthExponent (1: every relevant word counts). */
  readonly lengthExponent: number;
  /** 'greedy': MMR, best first, skipping what no longer fits; 'packed': best set by relevant words. */
  readonly strategy: 'greedy' | 'packed';
}

export const DEFAULT_SELECTION: SelectionOptions = {
  shortlist: 12,
  redundancy: 0.5,
  danglingFactor: 0.5,
  threshold: 0,
  lengthExponent: 0.85,
  strategy: 'packed',
};

/**
 * Indices (into `items`, ascending) of the chosen sentences; `similarity(i, j)` is their cosine.
 * Items are in article order, so item i-1 is the sentence before item i.
 */
export function selectSentences(
  items: readonly SelectionItem[],
  similarity: (i: number, j: number) => number,
  budget: CondenseBudget,
  options: SelectionOptions = DEFAULT_SELECTION,
): number[] {
  const short = items
    .map((item, i) => ({ item, i }))
    .filter(({ item }) => item.words <= budget.maxWords && item.chars <= budget.maxChars)
    .sort((a, b) => b.item.score - a.item.score || a.i - b.i)
    .slice(0, options.shortlist)
    .map(({ i }) => i)
    .sort((a, b) => a - b);
  if (options.strategy === 'greedy') return greedy(items, short, similarity, budget, options);
  let best: number[] = [];
  let bestValue = 0;
  const chosen: number[] = [];
  const visit = (from: number, words: number, chars: number): void => {
    if (chosen.length > 0) {
      const v = value(chosen, items, similarity, options);
      if (v > bestValue) {
        bestValue = v;
        best = [...chosen];
      }
    }
    if (chosen.length >= budget.maxSentences) return;
    for (let k = from; k < short.length; k++) {
      const i = short[k] as number;
      const item = items[i] as SelectionItem;
      const w = words + item.words;
      const c = chars + item.chars + (chosen.length > 0 ? 1 : 0);
      if (w > budget.maxWords || c > budget.maxChars) continue;
      chosen.push(i);
      visit(k + 1, w, c);
      chosen.pop();
    }
  };
  visit(0, 0, 0);
  return best;
}

function value(
  chosen: readonly number[],
  items: readonly SelectionItem[],
  similarity: (i: number, j: number) => number,
  options: SelectionOptions,
): number {
  let v = 0;
  for (let a = 0; a < chosen.length; a++) {
    const i = chosen[a] as number;
    const item = items[i] as SelectionItem;
    let gain = (item.score - options.threshold) * item.words ** options.lengthExponent;
    if (item.dangling && !chosen.includes(i - 1)) gain *= options.danglingFactor;
    let overlap = 0;
    for (let b = 0; b < a; b++) overlap = Math.max(overlap, similarity(chosen[b] as number, i));
    v += gain * (1 - options.redundancy * overlap);
  }
  return v;
}

function greedy(
  items: readonly SelectionItem[],
  short: readonly number[],
  similarity: (i: number, j: number) => number,
  budget: CondenseBudget,
  options: SelectionOptions,
): number[] {
  const chosen: number[] = [];
  let words = 0;
  let chars = 0;
  while (chosen.length < budget.maxSentences) {
    let pick = -1;
    let pickValue = -Infinity;
    for (const i of short) {
      if (chosen.includes(i)) continue;
      const item = items[i] as SelectionItem;
      if (words + item.words > budget.maxWords || chars + item.chars + (chosen.length > 0 ? 1 : 0) > budget.maxChars) continue;
      let overlap = 0;
      for (const j of chosen) overlap = Math.max(overlap, similarity(i, j));
      let s = item.score;
      if (item.dangling && !chosen.includes(i - 1)) s *= options.danglingFactor;
      const v = s - options.redundancy * overlap;
      if (v > pickValue) {
        pickValue = v;
        pick = i;
      }
    }
    if (pick < 0 || (chosen.length > 0 && pickValue < options.threshold)) break;
    const item = items[pick] as SelectionItem;
    chosen.push(pick);
    words += item.words;
    chars += item.chars + (chosen.length > 1 ? 1 : 0);
  }
  return chosen.sort((a, b) => a - b);
}
