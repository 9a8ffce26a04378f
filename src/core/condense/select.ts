import type { CondenseBudget } from './budget.js';
import type { TermModel } from './score.js';

/**
 * Budgeted selection as maximum coverage: the set of at most `maxSentences` sentences that fits
 * the word and character budget and covers the most term weight of the article. A term counts
 * once however many chosen sentences repeat it, so redundancy costs its words and buys nothing;
 * long sentences win only by covering more. A sentence that needs its predecessor (it opens with
 * a pronoun or connective, or speaks in the first person) adds only part of its gain unless that
 * predecessor is chosen too, and never opens the briefing: "Hij is een van de krachten achter de
 * coalitie" right under the headline leaves the reader asking who. Exhaustive over the first
 * sentences of the article.
 */

/** One sentence as the selector sees it. */
export interface SelectionItem {
  readonly words: number;
  readonly chars: number;
  /** Reads oddly without the sentence before it ("Dat zei hij", "He added", "Wir ..."). */
  readonly dangling: boolean;
  /** The article's very first sentence, which may open the briefing even when it leans (on the headline). */
  readonly opensArticle?: boolean;
}

/** Knobs of the selection. */
export interface SelectionOptions {
  /** Only this many leading candidate sentences are considered (news puts the essentials first). */
  readonly window: number;
  /** Share of a dangling sentence's gain that counts when the sentence before it is not chosen. */
  readonly danglingFactor: number;
}

export const DEFAULT_SELECTION: SelectionOptions = { window: 15, danglingFactor: 0.5 };

/** Indices (into `items`, ascending) of the chosen sentences; items are in article order. */
export function selectSentences(
  items: readonly SelectionItem[],
  model: TermModel,
  budget: CondenseBudget,
  options: SelectionOptions = DEFAULT_SELECTION,
): number[] {
  const opening = bestSet(items, model, budget, options, false);
  // Only when every candidate leans on another may one of them open the briefing.
  return opening.length > 0 ? opening : bestSet(items, model, budget, options, true);
}

function bestSet(
  items: readonly SelectionItem[],
  model: TermModel,
  budget: CondenseBudget,
  options: SelectionOptions,
  danglingMayOpen: boolean,
): number[] {
  const n = Math.min(items.length, options.window);
  const covered = new Uint16Array(model.weights.length);
  const chosen: number[] = [];
  let best: number[] = [];
  let bestValue = 0;
  const visit = (from: number, words: number, chars: number, value: number): void => {
    if (chosen.length > 0 && value > bestValue + 1e-9) {
      bestValue = value;
      best = [...chosen];
    }
    if (chosen.length >= budget.maxSentences) return;
    for (let i = from; i < n; i++) {
      const item = items[i] as SelectionItem;
      const w = words + item.words;
      const c = chars + item.chars + (chosen.length > 0 ? 1 : 0);
      if (w > budget.maxWords || c > budget.maxChars) continue;
      if (item.dangling && chosen.length === 0 && !item.opensArticle && !danglingMayOpen) continue;
      const terms = model.terms[i] as Int32Array;
      let gain = 0;
      for (const t of terms) if ((covered[t] ?? 0) === 0) gain += model.weights[t] ?? 0;
      if (gain <= 0) continue; // it would spend words on nothing new
      if (item.dangling && chosen[chosen.length - 1] !== i - 1) gain *= options.danglingFactor;
      for (const t of terms) covered[t] = (covered[t] ?? 0) + 1;
      chosen.push(i);
      visit(i + 1, w, c, value + gain);
      chosen.pop();
      for (const t of terms) covered[t] = (covered[t] ?? 0) - 1;
    }
  };
  visit(0, 0, 0, 0);
  return best;
}
