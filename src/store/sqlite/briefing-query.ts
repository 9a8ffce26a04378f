import type { CondenseMethod } from '../../core/types.js';
import type { DeliverableBriefing } from '../subscriber-repository.js';

/**
 * The one place that knows how briefings and articles are laid out (migration 001): the columns
 * the bot reads and how a row becomes a DeliverableBriefing. Kept apart so a schema change touches
 * one file.
 */
export const BRIEFING_COLUMNS = `
  a.seq AS seq, a.id AS article_id, a.feed_id AS feed_id, a.url AS url, a.published_at AS published_at, a.title AS title,
  b.headline AS headline, b.sentences AS sentences, b.language AS language, b.words AS words,
  b.chars AS chars, b.method AS method, b.created_at AS created_at`;

/** FROM clause joining a briefing to its article. */
export const BRIEFING_FROM = `briefings b JOIN articles a ON a.seq = b.article_seq`;

/** Only briefings that condensed successfully. */
export const BRIEFING_READY = `b.status = 'ok'`;

/**
 * Newest first: by when the briefing was made, ties by article seq. This matches the partial index
 * `briefings_created (created_at) WHERE status = 'ok'` exactly, so SQLite walks it backwards and
 * stops at LIMIT instead of sorting every briefing of the chat's feeds.
 */
export const BRIEFING_NEWEST_FIRST = `b.created_at DESC, b.article_seq DESC`;

/**
 * Feed filter written so SQLite does not pick the per-feed article index (the unary `+`), which
 * would force it to read and sort all of those feeds' articles before applying LIMIT.
 */
export function feedFilter(count: number): string {
  return `+a.feed_id IN (${Array.from({ length: count }, () => '?').join(', ')})`;
}

/** A row as selected with BRIEFING_COLUMNS. */
export interface BriefingRow {
  seq: number;
  article_id: string;
  feed_id: string;
  url: string | null;
  published_at: number | null;
  title: string;
  headline: string;
  sentences: string;
  language: string;
  words: number;
  chars: number;
  method: string | null;
  created_at: number;
}

/** Turns a selected row into the domain shape; a malformed sentences column reads as none. */
export function toDeliverableBriefing(row: BriefingRow): DeliverableBriefing {
  return {
    articleSeq: row.seq,
    title: row.title,
    articleId: row.article_id,
    feedId: row.feed_id,
    url: row.url,
    publishedAt: row.published_at,
    createdAt: row.created_at,
    headline: row.headline,
    sentences: parseSentences(row.sentences),
    language: row.language,
    words: row.words,
    chars: row.chars,
    method: (row.method ?? 'title-only') as CondenseMethod,
  };
}

function parseSentences(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}
