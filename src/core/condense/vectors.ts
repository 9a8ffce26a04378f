/**
 * Sparse TF-IDF vectors over an article's own sentences (each sentence is a "document"), the
 * shared ground for centrality, headline overlap and redundancy. Terms are interned to small
 * integers per article so that cosines are cheap.
 */

/** A unit-length sparse vector: parallel arrays of term ids and weights. */
export interface SparseVector {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
}

const EMPTY: SparseVector = { ids: new Int32Array(0), weights: new Float64Array(0) };

/** TF-IDF vectors (unit length) for each term list, plus one for `extra` (e.g. the headline). */
export function tfidfVectors(
  docs: readonly (readonly string[])[],
  extra: readonly string[] = [],
): { vectors: SparseVector[]; extra: SparseVector; centroid: SparseVector } {
  const ids = new Map<string, number>();
  const df: number[] = [];
  const docIds = docs.map((terms) => {
    const seen = new Set<number>();
    const out: number[] = [];
    for (const t of terms) {
      let id = ids.get(t);
      if (id === undefined) {
        id = ids.size;
        ids.set(t, id);
        df.push(0);
      }
      out.push(id);
      if (!seen.has(id)) {
        seen.add(id);
        df[id] = (df[id] ?? 0) + 1;
      }
    }
    return out;
  });
  const n = docs.length;
  const idf = df.map((d) => Math.log((n + 1) / (d + 1)) + 1);
  const vectors = docIds.map((list) => weigh(list, idf));
  const extraIds = extra.map((t) => ids.get(t)).filter((id): id is number => id !== undefined);
  const sum = new Float64Array(ids.size);
  for (const list of docIds) for (const id of list) sum[id] = (sum[id] ?? 0) + (idf[id] ?? 1);
  return { vectors, extra: weigh(extraIds, idf), centroid: fromDense(sum) };
}

function weigh(list: readonly number[], idf: readonly number[]): SparseVector {
  if (list.length === 0) return EMPTY;
  const tf = new Map<number, number>();
  for (const id of list) tf.set(id, (tf.get(id) ?? 0) + 1);
  const sorted = [...tf.keys()].sort((a, b) => a - b);
  const weights = new Float64Array(sorted.length);
  let norm = 0;
  sorted.forEach((id, i) => {
    const w = (1 + Math.log(tf.get(id) ?? 1)) * (idf[id] ?? 1);
    weights[i] = w;
    norm += w * w;
  });
  norm = Math.sqrt(norm);
  for (let i = 0; i < weights.length; i++) weights[i] = (weights[i] ?? 0) / norm;
  return { ids: Int32Array.from(sorted), weights };
}

function fromDense(dense: Float64Array): SparseVector {
  const list: number[] = [];
  let norm = 0;
  dense.forEach((w, id) => {
    if (w > 0) {
      list.push(id);
      norm += w * w;
    }
  });
  if (norm === 0) return EMPTY;
  norm = Math.sqrt(norm);
  return { ids: Int32Array.from(list), weights: Float64Array.from(list, (id) => (dense[id] ?? 0) / norm) };
}

/** Cosine of two unit vectors (a merge over sorted ids). */
export function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] ?? 0;
    const y = b.ids[j] ?? 0;
    if (x === y) dot += (a.weights[i++] ?? 0) * (b.weights[j++] ?? 0);
    else if (x < y) i++;
    else j++;
  }
  return dot;
}
