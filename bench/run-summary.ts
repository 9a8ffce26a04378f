/**
 * Several runs of one bench, summed up: on a machine whose speed drifts from minute to minute a
 * single run says little, and picking the best of several says less. The median, least and
 * greatest of every numeric figure of the runs' JSON lines, in the order the bench printed them.
 */

export type Figures = Readonly<Record<string, unknown>>;

export interface RunSummary {
  readonly runs: number;
  readonly median: Record<string, number>;
  readonly min: Record<string, number>;
  readonly max: Record<string, number>;
}

export function summariseRuns(runs: readonly Figures[]): RunSummary {
  const keys = [...new Set(runs.flatMap((run) => Object.keys(run)))];
  const median: Record<string, number> = {};
  const min: Record<string, number> = {};
  const max: Record<string, number> = {};
  for (const key of keys) {
    const values = runs.map((run) => run[key]).filter((value): value is number => typeof value === 'number').sort((a, b) => a - b);
    if (values.length === 0) continue;
    const middle = values.length / 2;
    // Rounded to what the benches print (at most four decimals), so no float noise shows.
    median[key] = Math.round((values.length % 2 === 1 ? values[Math.floor(middle)]! : (values[middle - 1]! + values[middle]!) / 2) * 1e4) / 1e4;
    min[key] = values[0]!;
    max[key] = values[values.length - 1]!;
  }
  return { runs: runs.length, median, min, max };
}
