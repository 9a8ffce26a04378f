import type { SqliteDatabase } from '../database.js';
import { createSeqByTime } from './seq-by-time.js';

/** ArticleRepository.forgetTextBefore on SQLite. */
export type TextForgetter = (firstSeenBefore: number, limit: number) => { readonly cleared: number; readonly more: boolean };

/**
 * Clears old article text one range of seqs per call, going on from where the last call stopped
 * (`text_cleared_through`, migration 009) and never past the last article first seen before the
 * cut-off, so no call reads the articles it cleared before or the retained ones. Looking for
 * "first seen before, text not yet cleared" instead read the whole table on every call, and a
 * run of ten calls took 4.3 s for 200,000 articles. An old article whose text an upstream edit
 * brings back keeps it: that is one article per such edit, while the feed still carries it.
 */
export function createTextForgetter(db: SqliteDatabase): TextForgetter {
  const lastSeqSeenBefore = createSeqByTime(db);
  const clearedThrough = db.prepare<[], { seq: number }>('SELECT seq FROM text_cleared_through');
  const setClearedThrough = db.prepare<[number]>('UPDATE text_cleared_through SET seq = ?');
  const clearRange = db.prepare<[number, number]>(`
    UPDATE articles SET summary = '', content = '', summary_html = NULL, content_html = NULL
    WHERE seq > ? AND seq <= ? AND (summary != '' OR content != '' OR summary_html IS NOT NULL OR content_html IS NOT NULL)`);
  const step = db.transaction((firstSeenBefore: number, limit: number) => {
    const through = lastSeqSeenBefore(firstSeenBefore) ?? 0;
    const from = clearedThrough.get()?.seq ?? 0;
    if (from >= through) return { cleared: 0, more: false };
    const to = Math.min(from + limit, through);
    const cleared = clearRange.run(from, to).changes;
    setClearedThrough.run(to);
    return { cleared, more: to < through };
  });
  return (firstSeenBefore, limit) => step.immediate(firstSeenBefore, limit);
}
