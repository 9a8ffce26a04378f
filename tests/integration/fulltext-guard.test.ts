import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher, DEFAULT_FETCHER_OPTIONS } from '../../src/feeds/fetch.js';
import { fetchPageWith } from '../../src/fulltext/fetch-page.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';

describe('the per-hop URL check on loopback', () => {
  let server: FeedServer;
  const fetcher = createFetcher({ ...DEFAULT_FETCHER_OPTIONS, jitterMs: 0, timeoutMs: 2_000 });

  beforeAll(async () => {
    server = await startFeedServer();
    server.route('/start', { status: 302, headers: { location: '/secret' } });
    server.route('/secret', { headers: { 'content-type': 'text/html' }, body: '<p>internal</p>' });
  });
  afterAll(() => server.close());

  it('runs the check on a redirect target and never requests a refused hop', async () => {
    const checked: string[] = [];
    const checkUrl = async (url: URL): Promise<void> => {
      checked.push(url.pathname);
      if (url.pathname === '/secret') throw new Error('refused by test');
    };
    await expect(fetcher.fetchDocument({ url: server.url('/start'), checkUrl })).rejects.toThrow(/refused by test/);
    expect(checked).toEqual(['/start', '/secret']);
    expect(server.hits('/start')).toBe(1);
    expect(server.hits('/secret')).toBe(0);
  });

  it('fetchPageWith refuses a loopback page by default and fetches it when private hosts are allowed', async () => {
    server.resetCounts();
    await expect(fetchPageWith(fetcher)(server.url('/secret'))).rejects.toThrow(/refused .*127\.0\.0\.1/);
    expect(server.hits('/secret')).toBe(0);
    await expect(fetchPageWith(fetcher, { allowPrivateHosts: true })(server.url('/secret'))).resolves.toContain('internal');
  });

  it('fetchPageWith connects only to the address it checked, so a name rebound to loopback is refused', async () => {
    server.resetCounts();
    // The first answer (for the URL check) is public, the next (for the connection) loopback.
    const answers = [['93.184.216.34'], ['127.0.0.1']];
    const resolveHost = async (host: string) => (host === 'rebind.example' ? answers.shift() ?? ['127.0.0.1'] : []);
    const port = new URL(server.url('/secret')).port;
    await expect(fetchPageWith(fetcher, { resolveHost })(`http://rebind.example:${port}/secret`)).rejects.toThrow(/rebind\.example resolves to non-public address 127\.0\.0\.1/);
    expect(answers).toEqual([]);
    expect(server.hits('/secret')).toBe(0);
  });

  it('fetchPageWith refuses a public-looking host that redirects to loopback', async () => {
    server.resetCounts();
    const resolveHost = async (host: string) => (host === 'news.example' ? ['93.184.216.34'] : []);
    const redirecting = {
      fetchDocument: (request: Parameters<typeof fetcher.fetchDocument>[0]) =>
        fetcher.fetchDocument({ ...request, url: server.url('/start'), checkUrl: async (url) => (url.pathname === '/start' ? undefined : request.checkUrl?.(url)) }),
    };
    await expect(fetchPageWith(redirecting, { resolveHost })('https://news.example/a')).rejects.toThrow(/refused/);
    expect(server.hits('/start')).toBe(1);
    expect(server.hits('/secret')).toBe(0);
  });
});
