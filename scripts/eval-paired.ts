/**
 * Record-by-record comparison with the lead baseline (Lead-3 by default) for `npm run eval`: the
 * mean margin per group with a 95 % bootstrap interval, and how many records each side wins. A
 * group's mean can hang on one or two records; this shows whether it does.
 */

/** One record's margin over the lead baseline (F1 × 100), in the groups it belongs to. */
export interface RecordMargin {
  readonly groups: readonly string[];
  readonly r1: number;
  readonly r2: number;
}

export interface MarginSummary {
  readonly n: number;
  readonly mean: number;
  /** 2.5th and 97.5th percentile of the mean over bootstrap resamples of the records. */
  readonly low: number;
  readonly high: number;
  readonly better: number;
  readonly worse: number;
}

const RESAMPLES = 10_000;

/** Summaries of the R1 and R2 margins per group, for groups of at least `minRecords` records. */
export function pairedMargins(margins: readonly RecordMargin[], minRecords = 10): Map<string, { r1: MarginSummary; r2: MarginSummary }> {
  const byGroup = new Map<string, { r1: number[]; r2: number[] }>();
  for (const margin of margins) {
    for (const group of margin.groups) {
      const lists = byGroup.get(group) ?? { r1: [], r2: [] };
      lists.r1.push(margin.r1);
      lists.r2.push(margin.r2);
      byGroup.set(group, lists);
    }
  }
  const out = new Map<string, { r1: MarginSummary; r2: MarginSummary }>();
  for (const [group, lists] of [...byGroup].sort(([a], [b]) => a.localeCompare(b))) {
    if (lists.r1.length >= minRecords) out.set(group, { r1: summarise(lists.r1), r2: summarise(lists.r2) });
  }
  return out;
}

/** Mean, bootstrap interval (seeded, so every run prints the same) and wins of `xs`. */
export function summarise(xs: readonly number[]): MarginSummary {
  const n = xs.length;
  const random = seededRandom(0x5eed);
  const means = new Float64Array(RESAMPLES);
  for (let k = 0; k < RESAMPLES; k += 1) {
    let sum = 0;
    for (let i = 0; i < n; i += 1) sum += xs[Math.floor(random() * n)] ?? 0;
    means[k] = n === 0 ? 0 : sum / n;
  }
  means.sort();
  return {
    n,
    mean: n === 0 ? 0 : xs.reduce((sum, x) => sum + x, 0) / n,
    low: means[Math.floor(RESAMPLES * 0.025)] ?? 0,
    high: means[Math.ceil(RESAMPLES * 0.975) - 1] ?? 0,
    better: xs.filter((x) => x > 0).length,
    worse: xs.filter((x) => x < 0).length,
  };
}

/** The comparison as a markdown table. */
export function formatPairedTable(summaries: ReadonlyMap<string, { r1: MarginSummary; r2: MarginSummary }>, baseline = 'Lead-3'): string {
  const cell = (s: MarginSummary): string => `${sign(s.mean)} [${sign(s.low)}, ${sign(s.high)}] | ${s.better} / ${s.worse}`;
  const rows = [...summaries].map(([group, s]) => `| ${group} | ${s.r1.n} | ${cell(s.r1)} | ${cell(s.r2)} |`);
  return [
    `Against ${baseline}, record by record (margin in F1 × 100, 95 % bootstrap interval; records better / worse):`,
    '',
    '| group | n | R1 margin | R1 better / worse | R2 margin | R2 better / worse |',
    '|---|---:|---|---|---|---|',
    ...rows,
  ].join('\n');
}

function sign(x: number): string {
  return `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`;
}

/** mulberry32: small, fast and good enough for resampling indices. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
