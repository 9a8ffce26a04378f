import type { SqliteDatabase } from '../database.js';
import type { PageRepository } from '../page-repository.js';

interface PageRow {
  fetched_at: number;
  text: string | null;
  title: string | null;
}

/** SQLite implementation of the fetched pages (migration 013). */
export function createSqlitePageRepository(db: SqliteDatabase): PageRepository {
  const select = db.prepare<[string, number], PageRow>('SELECT fetched_at, text, title FROM fetched_pages WHERE page_key = ? AND fetched_at > ?');
  const upsert = db.prepare<[string, number, string | null, string | null]>(
    `INSERT INTO fetched_pages (page_key, fetched_at, text, title) VALUES (?, ?, ?, ?)
     ON CONFLICT (page_key) DO UPDATE SET fetched_at = excluded.fetched_at, text = excluded.text, title = excluded.title`,
  );
  const prune = db.prepare<[number, number]>(
    'DELETE FROM fetched_pages WHERE rowid IN (SELECT rowid FROM fetched_pages WHERE fetched_at < ? LIMIT ?)',
  );
  return {
    recall(key, fetchedAfter) {
      const row = select.get(key, fetchedAfter);
      if (row === undefined) return null;
      return { fetchedAt: row.fetched_at, answer: row.text === null ? null : { text: row.text, title: row.title } };
    },
    remember(key, fetchedAt, answer) {
      // Rounded: the table is STRICT, and a fractional clock would be refused.
      upsert.run(key, Math.round(fetchedAt), answer?.text ?? null, answer?.title ?? null);
    },
    forgetPagesBefore: (fetchedBefore, limit) => prune.run(fetchedBefore, limit).changes,
  };
}
