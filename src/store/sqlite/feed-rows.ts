import type { FeedRecord } from '../feed-repository.js';

/** A `feeds` row as better-sqlite3 returns it. */
export interface FeedRow {
  feed_id: string;
  configured_url: string;
  current_url: string;
  etag: string | null;
  last_modified: string | null;
  ttl_minutes: number | null;
  update_period_minutes: number | null;
  title: string | null;
  last_polled_at: number | null;
  last_success_at: number | null;
  next_poll_at: number;
  consecutive_failures: number;
  failing: number;
  last_error: string | null;
  last_error_at: number | null;
}

/** Inserts or replaces a whole feed state; named parameters match toFeedParams. */
export const UPSERT_FEED_SQL = `
  INSERT INTO feeds (feed_id, configured_url, current_url, etag, last_modified, ttl_minutes,
    update_period_minutes, title, last_polled_at, last_success_at, next_poll_at,
    consecutive_failures, failing, last_error, last_error_at)
  VALUES (@feed_id, @configured_url, @current_url, @etag, @last_modified, @ttl_minutes,
    @update_period_minutes, @title, @last_polled_at, @last_success_at, @next_poll_at,
    @consecutive_failures, @failing, @last_error, @last_error_at)
  ON CONFLICT (feed_id) DO UPDATE SET
    configured_url = excluded.configured_url, current_url = excluded.current_url,
    etag = excluded.etag, last_modified = excluded.last_modified,
    ttl_minutes = excluded.ttl_minutes, update_period_minutes = excluded.update_period_minutes,
    title = excluded.title, last_polled_at = excluded.last_polled_at,
    last_success_at = excluded.last_success_at, next_poll_at = excluded.next_poll_at,
    consecutive_failures = excluded.consecutive_failures, failing = excluded.failing,
    last_error = excluded.last_error, last_error_at = excluded.last_error_at`;

/** Row -> domain record. */
export function fromFeedRow(row: FeedRow): FeedRecord {
  return {
    feedId: row.feed_id,
    configuredUrl: row.configured_url,
    currentUrl: row.current_url,
    etag: row.etag,
    lastModified: row.last_modified,
    ttlMinutes: row.ttl_minutes,
    updatePeriodMinutes: row.update_period_minutes,
    title: row.title,
    lastPolledAt: row.last_polled_at,
    lastSuccessAt: row.last_success_at,
    nextPollAt: row.next_poll_at,
    consecutiveFailures: row.consecutive_failures,
    failing: row.failing === 1,
    lastError: row.last_error,
    lastErrorAt: row.last_error_at,
  };
}

/** Domain record -> named parameters of UPSERT_FEED_SQL (integers rounded: the table is STRICT). */
export function toFeedParams(record: FeedRecord): FeedRow {
  const int = (value: number | null): number | null => (value === null ? null : Math.round(value));
  return {
    feed_id: record.feedId,
    configured_url: record.configuredUrl,
    current_url: record.currentUrl,
    etag: record.etag,
    last_modified: record.lastModified,
    ttl_minutes: int(record.ttlMinutes),
    update_period_minutes: int(record.updatePeriodMinutes),
    title: record.title,
    last_polled_at: int(record.lastPolledAt),
    last_success_at: int(record.lastSuccessAt),
    next_poll_at: Math.round(record.nextPollAt),
    consecutive_failures: record.consecutiveFailures,
    failing: record.failing ? 1 : 0,
    last_error: record.lastError,
    last_error_at: int(record.lastErrorAt),
  };
}
