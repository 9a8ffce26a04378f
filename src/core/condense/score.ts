import { contentTerms } from './tokenize.js';
import { cosine, tfidfVectors, type SparseVector } from './vectors.js';

/**
 * Relevance of each candidate sentence: where it stands (news puts the essentials first), how
 * central it is to the article (TF-IDF cosine to the article's centroid, LexRank-style), and how
 * much it shares with the headline. Each feature is scaled to 0..1 within the article.
 */

/** Weights of the relevance features. */
export interface ScoreWeights {
  readonly position: number;
  /** Candidates ranked this far down have position score 1/e. */
  readonly positionDecay: number;
  readonly centrality: number;
  readonly headline: number;
  /** Bonus share for the first sentence of a paragraph. */
  readonly paragraphStart: number;
}

export const DEFAULT_WEIGHTS: ScoreWeights = {
  position: 1.5,
  positionDecay: 5,
  centrality: 3,
  headline: 0.5,
  paragraphStart: 0.5,
};

/** Scores (0..1) and the pairwise similarity of candidate sentences. */
export interface Scored {
  readonly scores: number[];
  readonly similarity: (i: number, j: number) => number;
}

/** Score `sentences` (article order) against `headline` in a language with `stopwords`. */
export function scoreSentences(
  sentences: readonly { text: string; paragraphStart: boolean }[],
  headline: string,
  stopwords: ReadonlySet<string>,
  weights: ScoreWeights = DEFAULT_WEIGHTS,
): Scored {
  const terms = sentences.map((s) => contentTerms(s.text, stopwords));
  const { vectors, extra, centroid } = tfidfVectors(terms, contentTerms(headline, stopwords));
  const central = vectors.map((v) => cosine(v, centroid));
  const head = vectors.map((v) => cosine(v, extra));
  const maxCentral = Math.max(1e-9, ...central);
  const maxHead = Math.max(...head, 0);
  const useHead = maxHead > 0 ? weights.headline : 0;
  const total = weights.position + weights.centrality + useHead + weights.paragraphStart;
  const scores = sentences.map((s, i) => {
    const pos = Math.exp(-i / weights.positionDecay);
    const c = (central[i] ?? 0) / maxCentral;
    const h = useHead ? (head[i] ?? 0) / maxHead : 0;
    const p = s.paragraphStart ? 1 : 0;
    return (weights.position * pos + weights.centrality * c + useHead * h + weights.paragraphStart * p) / total;
  });
  return { scores, similarity: (i, j) => cosine(vectors[i] as SparseVector, vectors[j] as SparseVector) };
}
