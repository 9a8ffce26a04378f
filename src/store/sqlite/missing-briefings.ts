import type { SqliteDatabase } from '../database.js';
import type { ArticleRow } from './article-rows.js';
import { createSeqByTime } from './seq-by-time.js';

/** ArticleRepository.articlesMissingBriefing on SQLite, as rows. */
export type MissingBriefingsFinder = (limit: number, maxAttempts: number, firstSeenBefore: number) => ArticleRow[];

/**
 * Articles to condense again, oldest first: those whose briefing failed fewer than `maxAttempts`
 * times (found through the briefings_failed index) and those with no briefing row at all. Every
 * article gets a row once condensing is tried, ok or failed, and a row goes only with its
 * article, so once every article up to some seq has one, those seqs never need reading again:
 * the finder remembers that seq and reads on from there. One query for both kinds read every
 * article on every retry run, every ten minutes (90 ms for 200,000 articles, the bot waiting).
 */
export function createMissingBriefingsFinder(db: SqliteDatabase): MissingBriefingsFinder {
  const lastSeqSeenBefore = createSeqByTime(db);
  const failed = db.prepare<[number, number, number], ArticleRow>(`
    SELECT a.* FROM briefings b JOIN articles a ON a.seq = b.article_seq
    WHERE b.status = 'failed' AND b.attempts < ? AND a.first_seen_at < ? ORDER BY a.seq LIMIT ?`);
  const withoutBriefing = db.prepare<[number, number, number], ArticleRow>(`
    SELECT a.* FROM articles a
    WHERE a.seq > ? AND a.seq <= ? AND NOT EXISTS (SELECT 1 FROM briefings b WHERE b.article_seq = a.seq)
    ORDER BY a.seq LIMIT ?`);
  let everyOneHasBriefingThrough = 0;
  return (limit, maxAttempts, firstSeenBefore) => {
    const through = lastSeqSeenBefore(firstSeenBefore) ?? 0;
    const missing = withoutBriefing.all(everyOneHasBriefingThrough, through, limit);
    everyOneHasBriefingThrough = Math.max(everyOneHasBriefingThrough, missing[0] === undefined ? through : missing[0].seq - 1);
    const retries = failed.all(maxAttempts, firstSeenBefore, limit);
    return [...retries, ...missing].sort((a, b) => a.seq - b.seq).slice(0, limit);
  };
}
