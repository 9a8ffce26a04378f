import type { SqliteDatabase } from '../database.js';

/**
 * The highest article seq first seen before `before`, or null when no article is that old.
 *
 * Seqs grow with first-seen time (an article gets its seq when it is first stored), so the
 * articles first seen before a moment are a prefix of seq order. A binary search with a few dozen
 * rowid look-ups finds its end; `WHERE first_seen_at < ? ORDER BY seq DESC` had to read every
 * retained row to get there, each one a page of article text (0.28 s per call for 20,000 retained
 * articles). A clock set back can make a few later articles count as earlier or the reverse;
 * callers only forget history below the result, so that is harmless.
 */
export function createSeqByTime(db: SqliteDatabase): (before: number) => number | null {
  // Two statements: SQLite answers MIN or MAX alone from the end of the rowid tree, both at once by a scan.
  const lowest = db.prepare<[], { seq: number | null }>('SELECT MIN(seq) AS seq FROM articles');
  const highest = db.prepare<[], { seq: number | null }>('SELECT MAX(seq) AS seq FROM articles');
  const atOrAfter = db.prepare<[number], { seq: number; first_seen_at: number }>(
    'SELECT seq, first_seen_at FROM articles WHERE seq >= ? ORDER BY seq LIMIT 1',
  );
  return (before) => {
    const lo = lowest.get()?.seq ?? null;
    const hi = highest.get()?.seq ?? null;
    if (lo === null || hi === null) return null;
    const first = atOrAfter.get(lo);
    if (first === undefined || first.first_seen_at >= before) return null;
    // Invariant: seq `old` is first seen before `before`; no stored seq at or above `young` is.
    let old = first.seq;
    let young = hi + 1;
    while (young - old > 1) {
      const probe = Math.floor((old + young) / 2);
      const row = atOrAfter.get(probe);
      if (row !== undefined && row.first_seen_at < before && row.seq < young) old = row.seq;
      else young = probe;
    }
    return old;
  };
}
