import { contentTerms } from './tokenize.js';

/**
 * What an article is about, as weighted content terms. A term matters when the article keeps
 * returning to it (it occurs in several sentences), more so when it occurs early (news puts the
 * essentials first) and when the headline uses it. A term that occurs in one sentence only is a
 * detail: it gets weight only from the position and the headline. One rule for every language.
 */

/** Weights of the term-importance model. */
export interface ScoreWeights {
  /** Extra weight of an occurrence in the first sentence (1: it counts twice). */
  readonly position: number;
  /** The position extra falls to 1/e this many candidate sentences into the article. */
  readonly positionDecay: number;
  /** Extra weight of a term that is also in the headline (the journalist's own summary). */
  readonly headline: number;
}

export const DEFAULT_WEIGHTS: ScoreWeights = { position: 1, positionDecay: 5, headline: 3 };

/** Each sentence's distinct content terms (as small integers) and each term's weight. */
export interface TermModel {
  readonly terms: readonly Int32Array[];
  readonly weights: Float64Array;
}

/**
 * The term model of `sentences` (article order) under `headline`: weight(t) is the sum over the
 * sentences holding t of (1 + position · e^(−i/decay)), minus 1 (a single plain mention), plus
 * `headline` when the headline holds t.
 */
export function termModel(
  sentences: readonly string[],
  headline: string,
  stopwords: ReadonlySet<string>,
  weights: ScoreWeights = DEFAULT_WEIGHTS,
): TermModel {
  const ids = new Map<string, number>();
  const sums: number[] = [];
  const terms = sentences.map((sentence, i) => {
    const boost = 1 + weights.position * Math.exp(-i / weights.positionDecay);
    const own = new Set<number>();
    for (const t of contentTerms(sentence, stopwords)) {
      let id = ids.get(t);
      if (id === undefined) {
        id = ids.size;
        ids.set(t, id);
        sums.push(0);
      }
      if (!own.has(id)) {
        own.add(id);
        sums[id] = (sums[id] ?? 0) + boost;
      }
    }
    return Int32Array.from(own);
  });
  const inHeadline = new Set(contentTerms(headline, stopwords));
  const out = new Float64Array(sums.length);
  for (const [t, id] of ids) {
    out[id] = Math.max(0, (sums[id] ?? 0) - 1) + (inHeadline.has(t) ? weights.headline : 0);
  }
  return { terms, weights: out };
}
