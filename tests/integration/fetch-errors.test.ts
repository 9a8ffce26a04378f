import { describe, expect, it } from 'vitest';
import { FeedFetchError, isRetryable, type FetchFailureReason } from '../../src/feeds/http-errors.js';
import { parseFreshness, parseRetryAfter } from '../../src/feeds/http-headers.js';

const NOW = Date.parse('2025-06-02T09:00:00Z');

describe('isRetryable', () => {
  it.each([
    ['network', null, true],
    ['timeout', null, true],
    ['aborted', null, true],
    ['http', 500, true],
    ['http', 502, true],
    ['http', 503, true],
    ['http', 408, true],
    ['http', 429, true],
    ['http', 400, false],
    ['http', 401, false],
    ['http', 403, false],
    ['http', 404, false],
    ['http', 410, false],
    ['too-large', null, false],
    ['redirect-loop', 301, false],
    ['too-many-redirects', 302, false],
    ['bad-redirect', null, false],
    ['not-a-feed', 200, false],
    ['truncated', 200, true],
    ['bad-encoding', 200, false],
    ['unsupported-encoding', 200, false],
    ['unwanted-type', 200, false],
  ] as Array<[FetchFailureReason, number | null, boolean]>)('%s with status %s -> %s', (reason, status, expected) => {
    expect(isRetryable({ reason, status })).toBe(expected);
  });
});

describe('FeedFetchError', () => {
  it('carries the facts and its cause, and says where it came from', () => {
    const cause = new Error('socket hang up');
    const error = new FeedFetchError({ url: 'https://example.org/feed', status: 503, reason: 'http', retryAfterSeconds: 60, cause });
    expect(error).toMatchObject({ name: 'FeedFetchError', url: 'https://example.org/feed', status: 503, reason: 'http', retryable: true, retryAfterSeconds: 60 });
    expect(error.message).toBe('feeds/fetch: HTTP 503 for https://example.org/feed');
    expect(error.cause).toBe(cause);
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['120', 120],
    [' 0 ', 0],
    ['Mon, 02 Jun 2025 09:30:00 GMT', 1800],
    ['Mon, 02 Jun 2025 08:00:00 GMT', 0],
    ['soon', null],
    ['-5', null],
    ['', null],
    [null, null],
  ])('reads %j as %j seconds', (value, seconds) => {
    expect(parseRetryAfter(value, NOW)).toBe(seconds);
  });
});

describe('parseFreshness', () => {
  it.each([
    ['max-age=600', null, 600],
    ['public, s-maxage=10, max-age=300', null, 300],
    ['no-cache, max-age=300', null, null],
    ['no-store', 'Mon, 02 Jun 2025 10:00:00 GMT', null],
    [null, 'Mon, 02 Jun 2025 10:00:00 GMT', 3600],
    [null, '0', null],
    ['private', null, null],
    [null, null, null],
  ])('reads Cache-Control %j / Expires %j as %j', (cacheControl, expires, seconds) => {
    expect(parseFreshness(cacheControl, expires, NOW)).toBe(seconds);
  });
});
