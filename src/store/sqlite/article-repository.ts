import type { Statement } from 'better-sqlite3';
import type { Briefing } from '../../core/types.js';
import type { SqliteDatabase } from '../database.js';
import {
  MAX_BRIEFING_ATTEMPTS,
  type ArticleRecord,
  type ArticleRepository,
  type PollWrite,
  type PollWriteResult,
} from '../article-repository.js';
import {
  ARTICLE_VALUE_COLUMNS,
  BRIEFING_COLUMNS,
  fromArticleRow,
  fromBriefingRow,
  toArticleParams,
  toArticleValues,
  type ArticleParams,
  type ArticleValues,
  type ArticleRow,
  type BriefingRow,
} from './article-rows.js';
import { BRIEFING_FROM, BRIEFING_READY } from './briefing-query.js';
import { toFeedParams, UPSERT_FEED_SQL, type FeedRow } from './feed-rows.js';
import { createTextForgetter, type TextForgetter } from './forget-text.js';
import { createMissingBriefingsFinder } from './missing-briefings.js';

interface Existing {
  seq: number;
  content_hash: string;
  published_at: number;
  first_seen_at: number;
}

/**
 * ArticleRepository on the `articles` and `briefings` tables. Statements are prepared once;
 * recordPoll runs inside one better-sqlite3 transaction, so a crash leaves either the whole
 * poll (articles and feed state) or none of it.
 */
export function createSqliteArticleRepository(db: SqliteDatabase): ArticleRepository {
  const findExisting = db.prepare<[string, string], Existing>(
    'SELECT seq, content_hash, published_at, first_seen_at FROM articles WHERE feed_id = ? AND id = ?',
  );
  // Positional parameters: binding 16 values by name costs a lookup each, per row. Prepared on
  // first use: they write migration 017's link, and `newsbrief feeds` reads a file an older
  // newsbrief wrote without migrating it.
  let writes: { insert: Statement<ArticleValues>; update: Statement<[ArticleParams]> } | null = null;
  const articleWrites = () => (writes ??= {
    insert: db.prepare<ArticleValues>(`
      INSERT INTO articles (${ARTICLE_VALUE_COLUMNS}) VALUES (${ARTICLE_VALUE_COLUMNS.split(',').map(() => '?').join(', ')})`),
    update: db.prepare<[ArticleParams]>(`
      UPDATE articles SET guid = @guid, url = @url, title = @title, published_at = @published_at,
        updated_at = @updated_at, content_hash = @content_hash, author = @author,
        categories = @categories, summary = @summary, content = @content,
        summary_html = @summary_html, content_html = @content_html, link = @link
      WHERE feed_id = @feed_id AND id = @id`),
  });
  // An empty hash was cleared by migration 004: take the new one, it is not an edit.
  const adoptHash = db.prepare<[string, number]>('UPDATE articles SET content_hash = ? WHERE seq = ?');
  const upsertFeed = db.prepare<[FeedRow]>(UPSERT_FEED_SQL);
  const bySeq = db.prepare<[number], ArticleRow>('SELECT * FROM articles WHERE seq = ?');
  const byId = db.prepare<[string, string], ArticleRow>('SELECT * FROM articles WHERE feed_id = ? AND id = ?');
  const since = db.prepare<[number, number], ArticleRow>('SELECT * FROM articles WHERE seq > ? ORDER BY seq LIMIT ?');
  const sinceInFeed = db.prepare<[number, string, number], ArticleRow>(
    'SELECT * FROM articles WHERE seq > ? AND feed_id = ? ORDER BY seq LIMIT ?',
  );
  // The seqs come from the (feed_id, id) index alone, so only the rows returned are read, not
  // every article the feed ever had (a plain ORDER BY would sort whole rows).
  const latestOfFeed = db.prepare<[string, number], ArticleRow>(
    'SELECT * FROM articles WHERE seq IN (SELECT seq FROM articles WHERE feed_id = ? ORDER BY seq DESC LIMIT ?) ORDER BY seq DESC',
  );
  const countAll = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM articles');
  const countFeed = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM articles WHERE feed_id = ?');
  const saveOk = db.prepare(`
    INSERT INTO briefings (article_seq, headline, sentences, language, words, chars, method, created_at, status, attempts, error)
    VALUES (@seq, @headline, @sentences, @language, @words, @chars, @method, @created_at, 'ok', 1, NULL)
    ON CONFLICT (article_seq) DO UPDATE SET headline = excluded.headline, sentences = excluded.sentences,
      language = excluded.language, words = excluded.words, chars = excluded.chars, method = excluded.method,
      created_at = excluded.created_at, status = 'ok', attempts = briefings.attempts + 1, error = NULL`);
  const refreshOk = db.prepare(`
    UPDATE briefings SET headline = @headline, sentences = @sentences, language = @language, words = @words,
      chars = @chars, method = @method
    WHERE article_seq = @seq AND status = 'ok'`);
  const saveFailed = db.prepare(`
    INSERT INTO briefings (article_seq, created_at, status, attempts, error) VALUES (?, ?, 'failed', 1, ?)
    ON CONFLICT (article_seq) DO UPDATE SET created_at = excluded.created_at, attempts = briefings.attempts + 1,
      error = excluded.error
    WHERE briefings.status = 'failed'`);
  const briefingsSince = db.prepare<[number, number], BriefingRow>(`
    SELECT ${BRIEFING_COLUMNS} FROM ${BRIEFING_FROM} WHERE ${BRIEFING_READY} AND b.created_at > ? ORDER BY b.created_at, b.article_seq LIMIT ?`);
  const missing = createMissingBriefingsFinder(db);

  // Prepared on first use: tests open this repository on databases of earlier schema versions.
  let forgetText: TextForgetter | null = null;

  const recordPoll = db.transaction((feedId: string, write: PollWrite): PollWriteResult => {
    const inserted: ArticleRecord[] = [];
    const edited: ArticleRecord[] = [];
    let unchanged = 0;
    const seen = new Set<string>();
    for (const article of write.upserts) {
      if (seen.has(article.id)) continue;
      seen.add(article.id);
      const existing = findExisting.get(feedId, article.id);
      if (existing === undefined) {
        const values = toArticleValues(feedId, article, write.seenAt);
        const seq = Number(articleWrites().insert.run(...values).lastInsertRowid);
        inserted.push({ ...article, feedId, seq, publishedAt: values[5], firstSeenAt: values[6], updatedAt: values[7] });
      } else if (existing.content_hash === '') {
        adoptHash.run(article.contentHash, existing.seq);
        unchanged += 1;
      } else if (existing.content_hash !== article.contentHash) {
        const params = toArticleParams(feedId, article, write.seenAt, existing.first_seen_at, existing.published_at);
        articleWrites().update.run(params);
        edited.push({ ...article, feedId, seq: existing.seq, publishedAt: params.published_at, firstSeenAt: params.first_seen_at, updatedAt: params.updated_at });
      } else {
        unchanged += 1;
      }
    }
    upsertFeed.run(toFeedParams(write.state));
    return { inserted, edited, unchanged };
  });

  return {
    recordPoll: (feedId, write) => recordPoll.immediate(feedId, write),
    getArticle: (seq) => nullable(bySeq.get(seq)),
    findArticle: (feedId, id) => nullable(byId.get(feedId, id)),
    listArticlesSince: (afterSeq, limit, feedId) =>
      (feedId === undefined ? since.all(afterSeq, limit) : sinceInFeed.all(afterSeq, feedId, limit)).map(fromArticleRow),
    latestArticlesOfFeed: (feedId, limit) => latestOfFeed.all(feedId, limit).map(fromArticleRow),
    countArticles: (feedId) => (feedId === undefined ? countAll.get() : countFeed.get(feedId))?.n ?? 0,
    saveBriefing(articleSeq: number, briefing: Briefing, createdAt: number): void {
      saveOk.run({ ...briefingParams(articleSeq, briefing), created_at: Math.round(createdAt) });
    },
    refreshBriefing: (articleSeq, briefing) => refreshOk.run(briefingParams(articleSeq, briefing)).changes > 0,
    saveBriefingFailure(articleSeq: number, error: string, at: number): void {
      saveFailed.run(articleSeq, Math.round(at), error);
    },
    listBriefingsSince: (createdAfter, limit) => briefingsSince.all(createdAfter, limit).map(fromBriefingRow),
    articlesMissingBriefing: (limit, maxAttempts = MAX_BRIEFING_ATTEMPTS, firstSeenBefore = Number.MAX_SAFE_INTEGER) =>
      missing(limit, maxAttempts, firstSeenBefore).map(fromArticleRow),
    forgetTextBefore: (firstSeenBefore, limit) => (forgetText ??= createTextForgetter(db))(firstSeenBefore, limit),
  };
}

function briefingParams(articleSeq: number, briefing: Briefing) {
  return {
    seq: articleSeq,
    headline: briefing.headline,
    sentences: JSON.stringify(briefing.sentences),
    language: briefing.language,
    words: Math.round(briefing.words),
    chars: Math.round(briefing.chars),
    method: briefing.method,
  };
}

function nullable(row: ArticleRow | undefined): ArticleRecord | null {
  return row === undefined ? null : fromArticleRow(row);
}
