import { describe, expect, it } from 'vitest';
import { formatPairedTable, pairedMargins, summarise } from '../../scripts/eval-paired.js';

describe('eval: margins over Lead-3 record by record', () => {
  it('gives the mean margin, a bootstrap interval around it and the records each side wins', () => {
    const xs = [4, -1, 2, 0, 3, -2, 5, 1, 2, 6];
    const s = summarise(xs);
    expect(s).toMatchObject({ n: 10, mean: 2, better: 7, worse: 2 });
    expect(s.low).toBeLessThan(2);
    expect(s.high).toBeGreaterThan(2);
    expect(s.low).toBeGreaterThanOrEqual(-2);
    expect(s.high).toBeLessThanOrEqual(6);
    // Seeded: the same margins always print the same interval.
    expect(summarise(xs)).toEqual(s);
  });

  it('shows a mean carried by one record as an interval that reaches below zero', () => {
    const s = summarise([30, -1, -1, -1, -1, -1, -1, -1, -1, -1]);
    expect(s.mean).toBeCloseTo(2.1, 5);
    expect(s.worse).toBe(9);
    expect(s.low).toBeLessThan(0);
  });

  it('groups records, leaves out groups under the minimum and formats one row per group', () => {
    const margins = Array.from({ length: 12 }, (_, i) => ({ groups: ['overall', i < 10 ? 'lang:nl' : 'lang:de'], r1: i % 2 === 0 ? 1 : -0.5, r2: 0.25 }));
    const summaries = pairedMargins(margins, 10);
    expect([...summaries.keys()]).toEqual(['lang:nl', 'overall']);
    expect(summaries.get('overall')?.r2).toMatchObject({ n: 12, mean: 0.25, better: 12, worse: 0, low: 0.25, high: 0.25 });
    const table = formatPairedTable(summaries);
    expect(table).toMatch(/^\| lang:nl \| 10 \| \+0\.25 \[[−+]\d\.\d\d, \+\d\.\d\d\] \| 5 \/ 5 \| \+0\.25 \[\+0\.25, \+0\.25\] \| 10 \/ 0 \|$/m);
    expect(table).not.toContain('lang:de');
  });
});
