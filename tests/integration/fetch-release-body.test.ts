import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher, DEFAULT_FETCHER_OPTIONS } from '../../src/feeds/fetch.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
});

describe('a hop that fails after the answer arrived', () => {
  // Without the release the connection stays open until undici's body timeout (five minutes),
  // so the test would never see it close: the short limit guards against that hang, it does not
  // measure speed.
  it('fails the fetch with the cause and closes the connection of the unread body', { timeout: 15_000 }, async () => {
    let connectionClosed!: () => void;
    const closed = new Promise<void>((resolve) => (connectionClosed = resolve));
    server.route('/held.html', (_req, res) => {
      res.on('close', connectionClosed);
      // Headers and a first chunk, then the body is held open: only the client can end this.
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html>');
    });
    const fetcher = createFetcher({ ...DEFAULT_FETCHER_OPTIONS, jitterMs: 0, perHostConcurrency: 1 });
    const failing = fetcher.fetchDocument({
      url: server.url('/held.html'),
      acceptsMediaType: () => {
        throw new Error('media type check broke');
      },
    });
    await expect(failing).rejects.toMatchObject({ name: 'FeedFetchError', cause: { message: 'media type check broke' } });
    await closed;
  });
});
