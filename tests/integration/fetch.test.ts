import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher, DEFAULT_FETCHER_OPTIONS, DEFAULT_USER_AGENT, type FetcherOptions, type FetchOutcome } from '../../src/feeds/fetch.js';
import { FeedFetchError } from '../../src/feeds/http-errors.js';
import { feedResponse, startFeedServer, type FeedServer } from '../helpers/feed-server.js';

const FEED = readFileSync(new URL('../fixtures/fetch/feed.xml', import.meta.url), 'utf8');
const PAGE = readFileSync(new URL('../fixtures/fetch/page.html', import.meta.url), 'utf8');
const OPTIONS: FetcherOptions = { ...DEFAULT_FETCHER_OPTIONS, jitterMs: 0, timeoutMs: 5_000 };

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
});

const fetcher = (overrides: Partial<FetcherOptions> = {}) => createFetcher({ ...OPTIONS, ...overrides });

async function fetchError(promise: Promise<FetchOutcome>): Promise<FeedFetchError> {
  const error: unknown = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(FeedFetchError);
  return error as FeedFetchError;
}

function expectOk(outcome: FetchOutcome): asserts outcome is Extract<FetchOutcome, { kind: 'ok' }> {
  expect(outcome.kind).toBe('ok');
}

describe('fetchDocument on 200 and 304', () => {
  it('returns the decoded body with its headers and sends a User-Agent, Accept and Accept-Encoding', async () => {
    server.route('/ok.xml', feedResponse(FEED, { etag: '"v1"', lastModified: 'Mon, 02 Jun 2025 08:00:00 GMT', headers: { 'cache-control': 'public, max-age=1800' } }));
    const outcome = await fetcher().fetchDocument({ url: server.url('/ok.xml') });
    expectOk(outcome);
    expect(outcome).toMatchObject({
      url: server.url('/ok.xml'), permanentUrl: null, status: 200, contentType: 'application/rss+xml; charset=utf-8',
      etag: '"v1"', lastModified: 'Mon, 02 Jun 2025 08:00:00 GMT', maxAgeSeconds: 1800, text: FEED, encoding: 'utf-8',
    });
    expect(outcome.bytes.byteLength).toBe(Buffer.byteLength(FEED));
    const [request] = server.requests('/ok.xml');
    expect(request?.headers['user-agent']).toBe(DEFAULT_USER_AGENT);
    expect(request?.headers.accept).toContain('application/rss+xml');
    expect(request?.headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(request?.headers['if-none-match']).toBeUndefined();
  });

  it('sends If-None-Match and reports a 304 as not-modified', async () => {
    server.route('/etag.xml', feedResponse(FEED, { etag: '"abc"' }));
    const outcome = await fetcher().fetchDocument({ url: server.url('/etag.xml'), etag: '"abc"' });
    expect(outcome).toEqual({ kind: 'not-modified', url: server.url('/etag.xml'), permanentUrl: null, etag: '"abc"', lastModified: null, maxAgeSeconds: null });
    expect(server.requests('/etag.xml')[0]?.headers['if-none-match']).toBe('"abc"');
  });

  it('sends If-Modified-Since and keeps the validators it sent when the 304 omits them', async () => {
    const stamp = 'Tue, 03 Jun 2025 10:00:00 GMT';
    server.route('/lm.xml', (req, res) => {
      res.writeHead(req.headers['if-modified-since'] === stamp ? 304 : 200).end(FEED);
    });
    const outcome = await fetcher().fetchDocument({ url: server.url('/lm.xml'), lastModified: stamp, etag: null });
    expect(outcome).toMatchObject({ kind: 'not-modified', lastModified: stamp, etag: null });
    expect(server.requests('/lm.xml')[0]?.headers['if-modified-since']).toBe(stamp);
  });

  it('lets the caller ask for HTML with its own Accept header', async () => {
    server.route('/accept.html', { headers: { 'content-type': 'text/html' }, body: PAGE });
    await fetcher().fetchDocument({ url: server.url('/accept.html'), accept: 'text/html' });
    expect(server.requests('/accept.html')[0]?.headers.accept).toBe('text/html');
  });

  it('returns an HTML page as it is, with its content type, for the parser to reject', async () => {
    server.route('/page.html', { headers: { 'content-type': 'text/html; charset=utf-8' }, body: PAGE });
    const outcome = await fetcher().fetchDocument({ url: server.url('/page.html') });
    expectOk(outcome);
    expect(outcome.contentType).toBe('text/html; charset=utf-8');
    expect(outcome.text).toBe(PAGE);
  });
});

describe('fetchDocument and redirects', () => {
  const redirect = (status: number, location: string) => ({ status, headers: { location } });

  it.each([301, 308])('sets permanentUrl after a %i', async (status) => {
    server.route(`/moved-${status}.xml`, redirect(status, `/target-${status}.xml`));
    server.route(`/target-${status}.xml`, feedResponse(FEED));
    const outcome = await fetcher().fetchDocument({ url: server.url(`/moved-${status}.xml`) });
    expect(outcome).toMatchObject({ kind: 'ok', url: server.url(`/target-${status}.xml`), permanentUrl: server.url(`/target-${status}.xml`) });
  });

  it.each([302, 303, 307])('follows a %i without changing the stored URL', async (status) => {
    server.route(`/temp-${status}.xml`, redirect(status, server.url(`/temp-target-${status}.xml`)));
    server.route(`/temp-target-${status}.xml`, feedResponse(FEED));
    const outcome = await fetcher().fetchDocument({ url: server.url(`/temp-${status}.xml`) });
    expect(outcome).toMatchObject({ kind: 'ok', url: server.url(`/temp-target-${status}.xml`), permanentUrl: null });
  });

  it('does not set permanentUrl when one hop of a chain is temporary', async () => {
    server.route('/chain-1.xml', redirect(301, '/chain-2.xml'));
    server.route('/chain-2.xml', redirect(302, '/chain-3.xml'));
    server.route('/chain-3.xml', feedResponse(FEED, { etag: '"c"' }));
    const outcome = await fetcher().fetchDocument({ url: server.url('/chain-1.xml'), etag: '"c"' });
    expect(outcome).toMatchObject({ kind: 'not-modified', url: server.url('/chain-3.xml'), permanentUrl: null });
    expect(server.requests('/chain-3.xml')[0]?.headers['if-none-match']).toBe('"c"');
  });

  it('sets permanentUrl on a 304 reached through permanent redirects', async () => {
    server.route('/perm-304.xml', redirect(308, '/perm-304-target.xml'));
    server.route('/perm-304-target.xml', feedResponse(FEED, { etag: '"p"' }));
    const outcome = await fetcher().fetchDocument({ url: server.url('/perm-304.xml'), etag: '"p"' });
    expect(outcome).toMatchObject({ kind: 'not-modified', permanentUrl: server.url('/perm-304-target.xml') });
  });

  it('stops a redirect loop with a clear, permanent error naming the chain', async () => {
    server.route('/loop-a.xml', redirect(301, '/loop-b.xml'));
    server.route('/loop-b.xml', redirect(302, '/loop-a.xml'));
    const error = await fetchError(fetcher().fetchDocument({ url: server.url('/loop-a.xml') }));
    expect(error.reason).toBe('redirect-loop');
    expect(error.retryable).toBe(false);
    expect(error.message).toBe(
      `feeds/fetch: redirect loop for ${server.url('/loop-a.xml')}: ${server.url('/loop-a.xml')} -> ${server.url('/loop-b.xml')} -> ${server.url('/loop-a.xml')}`,
    );
    expect(server.hits('/loop-a.xml')).toBe(1);
  });

  it('follows exactly maxRedirects hops and fails on one more', async () => {
    for (let i = 0; i < 6; i += 1) server.route(`/hop-${i}.xml`, redirect(301, `/hop-${i + 1}.xml`));
    server.route('/hop-6.xml', feedResponse(FEED));
    const outcome = await fetcher({ maxRedirects: 5 }).fetchDocument({ url: server.url('/hop-1.xml') });
    expect(outcome).toMatchObject({ kind: 'ok', url: server.url('/hop-6.xml') });
    const error = await fetchError(fetcher({ maxRedirects: 5 }).fetchDocument({ url: server.url('/hop-0.xml') }));
    expect(error.reason).toBe('too-many-redirects');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('feeds/fetch: too many redirects');
  });

  it('refuses a redirect to a non-http scheme', async () => {
    server.route('/to-ftp.xml', redirect(302, 'ftp://example.org/feed.xml'));
    const error = await fetchError(fetcher().fetchDocument({ url: server.url('/to-ftp.xml') }));
    expect(error.reason).toBe('bad-redirect');
  });
});

describe('fetchDocument on HTTP errors', () => {
  it('reports a 404 as permanent with a message that says where it came from', async () => {
    const error = await fetchError(fetcher().fetchDocument({ url: server.url('/missing.xml') }));
    expect(error).toMatchObject({ reason: 'http', status: 404, retryable: false, url: server.url('/missing.xml') });
    expect(error.message).toBe(`feeds/fetch: HTTP 404 for ${server.url('/missing.xml')}`);
  });

  it('reports a 500 as retryable', async () => {
    server.route('/broken.xml', { status: 500, body: 'oops' });
    const error = await fetchError(fetcher().fetchDocument({ url: server.url('/broken.xml') }));
    expect(error).toMatchObject({ reason: 'http', status: 500, retryable: true, retryAfterSeconds: null });
  });

  it('reads Retry-After in seconds on a 429', async () => {
    server.route('/busy.xml', { status: 429, headers: { 'retry-after': '120' } });
    const error = await fetchError(fetcher().fetchDocument({ url: server.url('/busy.xml') }));
    expect(error).toMatchObject({ status: 429, retryable: true, retryAfterSeconds: 120 });
  });

  it('reads Retry-After as an HTTP date on a 503', async () => {
    server.route('/maintenance.xml', { status: 503, headers: { 'retry-after': 'Mon, 02 Jun 2025 09:30:00 GMT' } });
    const now = () => Date.parse('2025-06-02T09:00:00Z');
    const error = await fetchError(createFetcher(OPTIONS, { now }).fetchDocument({ url: server.url('/maintenance.xml') }));
    expect(error).toMatchObject({ status: 503, retryable: true, retryAfterSeconds: 1800 });
  });
});

describe('fetchDocument failures without an answer', () => {
  it('times out a slow response with a retryable error', async () => {
    server.route('/slow.xml', (_req, res) => {
      const timer = setTimeout(() => res.writeHead(200).end(FEED), 3_000);
      res.on('close', () => clearTimeout(timer));
    });
    const error = await fetchError(fetcher({ timeoutMs: 200 }).fetchDocument({ url: server.url('/slow.xml') }));
    expect(error).toMatchObject({ reason: 'timeout', retryable: true, status: null });
    expect(error.message).toBe(`feeds/fetch: timed out for ${server.url('/slow.xml')}: after 200 ms`);
  });

  it('times out a body that trickles in too slowly', async () => {
    server.route('/trickle.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<rss>');
      const timer = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(timer));
    });
    const error = await fetchError(fetcher({ timeoutMs: 200 }).fetchDocument({ url: server.url('/trickle.xml') }));
    expect(error.reason).toBe('timeout');
  });

  it('reports an aborted fetch as aborted, not as a failure of the feed', async () => {
    server.route('/hang.xml', () => undefined);
    const controller = new AbortController();
    const pending = fetcher().fetchDocument({ url: server.url('/hang.xml'), signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const error = await fetchError(pending);
    expect(error.reason).toBe('aborted');
  });

  it('reports a refused connection as a retryable network error', async () => {
    const gone = await startFeedServer();
    const url = gone.url('/feed.xml');
    await gone.close();
    const error = await fetchError(fetcher().fetchDocument({ url }));
    expect(error).toMatchObject({ reason: 'network', retryable: true });
    expect(error.message).toContain('ECONNREFUSED');
    // The code is in Node's message already: said once, not 'ECONNREFUSED connect ECONNREFUSED ...'.
    expect(error.message).toMatch(/^feeds\/fetch: network error for \S+: connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
  });
});
