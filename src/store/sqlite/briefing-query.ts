/**
 * Query fragments for reading briefings with their articles (migration 001). The columns and the
 * row-to-domain mapping live with the article rows (article-rows.ts), so every reader shares them.
 */
export { BRIEFING_COLUMNS, fromBriefingRow, type BriefingRow } from './article-rows.js';

/** FROM clause joining a briefing to its article. */
export const BRIEFING_FROM = `briefings b JOIN articles a ON a.seq = b.article_seq`;

/**
 * Only briefings that condensed successfully and have something to read: an item with neither a
 * title nor any text (a link-only or image-only post; feeds allow it) would reach readers as a
 * bare "— Source" line, and in /latest it would take the place of a story.
 */
export const BRIEFING_READY = `b.status = 'ok' AND (b.headline <> '' OR b.sentences <> '[]')`;

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
