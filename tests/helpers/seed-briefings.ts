import { linkOf } from '../../src/core/story-keys.js';
import type { SqliteDatabase } from '../../src/store/database.js';

/** A briefing to put in the database the way the poller and condenser would have. */
export interface SeedBriefing {
  readonly feedId: string;
  readonly headline: string;
  readonly sentences?: readonly string[];
  readonly url?: string | null;
  readonly createdAt: number;
  readonly language?: string;
}

/**
 * Inserts articles and their successful briefings directly with SQL (with the link ingestion stores, migration 017), so
 * bot tests do not depend on the poller. Returns the article seqs in insertion order.
 */
export function seedBriefings(db: SqliteDatabase, briefings: readonly SeedBriefing[]): number[] {
  const article = db.prepare(
    `INSERT INTO articles (feed_id, id, url, link, title, published_at, first_seen_at, updated_at, content_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const briefing = db.prepare(
    `INSERT INTO briefings (article_seq, headline, sentences, language, words, chars, method, created_at, status)
     VALUES (?, ?, ?, ?, ?, ?, 'extractive', ?, 'ok')`,
  );
  return db.transaction(() =>
    briefings.map((item, index) => {
      const id = `${item.feedId}-${item.createdAt}-${index}-${Math.random().toString(36).slice(2, 8)}`;
      const url = item.url === undefined ? `https://news.example/${id}` : item.url;
      const seq = Number(article.run(item.feedId, id, url, linkOf(url), item.headline, item.createdAt, item.createdAt, item.createdAt, id).lastInsertRowid);
      const sentences = item.sentences ?? [`${item.headline}: the first sentence.`];
      const text = sentences.join(' ');
      briefing.run(seq, item.headline, JSON.stringify(sentences), item.language ?? 'en', text.split(/\s+/).length, text.length, item.createdAt);
      return seq;
    }),
  )();
}
