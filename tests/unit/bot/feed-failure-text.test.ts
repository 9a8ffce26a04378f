import { describe, expect, it } from 'vitest';
import { plainFeedError } from '../../../src/bot/feed-failure-text.js';
import { FeedFetchError } from '../../../src/feeds/http-errors.js';
import { FeedParseError } from '../../../src/feeds/parse-error.js';
import { describePollError } from '../../../src/jobs/poll-feed.js';

const URL = 'http://127.0.0.1:9/news.xml';
/** The error the poller records for `cause`, exactly as it logs and stores it. */
const recorded = (cause: unknown, currentUrl = URL) => describePollError({ feedId: 'tweakers', currentUrl }, cause);

describe('a failed feed\'s error as a chat shows it', () => {
  it('is an HTTP status with its reason phrase, without the module prefixes and the URL', () => {
    expect(plainFeedError(recorded(new FeedFetchError({ url: URL, reason: 'http', status: 404 })))).toBe('HTTP 404 Not Found');
    expect(plainFeedError(recorded(new FeedFetchError({ url: URL, reason: 'http', status: 503, detail: 'retry after 120 s' })))).toBe('HTTP 503 Service Unavailable: retry after 120 s');
    expect(plainFeedError(recorded(new FeedFetchError({ url: URL, reason: 'http', status: 599 })))).toBe('HTTP 599');
  });

  it('keeps the detail of a network failure, a timeout or an unreadable document', () => {
    expect(plainFeedError(recorded(new FeedFetchError({ url: URL, reason: 'network', status: null, detail: 'ECONNREFUSED' })))).toBe('network error: ECONNREFUSED');
    expect(plainFeedError(recorded(new FeedFetchError({ url: URL, reason: 'timeout', status: null })))).toBe('timed out');
    expect(plainFeedError(recorded(new FeedParseError('tweakers', 'html-page', 'an HTML page ("Log in") instead of a feed')))).toBe('an HTML page ("Log in") instead of a feed');
  });

  it('drops every module prefix, also one inside the cause, and the poller\'s own frame', () => {
    expect(plainFeedError(recorded(new Error('feeds/fetch: body too large: feeds/read-body: body exceeds 1024 bytes (read 2048)')))).toBe('body too large: body exceeds 1024 bytes (read 2048)');
    expect(plainFeedError(recorded(new Error('disk I/O error'), 'https://moved.example/rss'))).toBe('disk I/O error');
    expect(plainFeedError('jobs/poll-feeds: feed tweakers: aborted by shutdown')).toBe('aborted by shutdown');
  });
});
