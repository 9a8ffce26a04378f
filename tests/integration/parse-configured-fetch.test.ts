import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseCommand } from '../../src/cli/parse.js';
import { createConfiguredFetcher } from '../../src/ingestion.js';
import { feedResponse, startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { pollFixture } from '../helpers/poll-harness.js';
import { runSubcommand } from '../helpers/run-subcommand.js';

// Watched, not replaced: the feed is still fetched from the loopback server by the real fetcher.
vi.mock('../../src/ingestion.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/ingestion.js')>();
  return { ...actual, createConfiguredFetcher: vi.fn(actual.createConfiguredFetcher) };
});

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
  server.route('/parse/news.xml', feedResponse(pollFixture('news-v1.xml')));
});
afterAll(async () => {
  await server.close();
});

describe('newsbrief parse <url>', () => {
  // The jitter is a random wait, so it cannot be seen without a clock: what is checked is that
  // parse asks for the configured fetcher without it, as brief does for its one page.
  it('fetches with the configured fetcher, FETCH_* settings and all, without jitter', async () => {
    const env = { FETCH_PER_HOST: '1', FETCH_TIMEOUT_MS: '4000' };
    const { stdout } = await runSubcommand(parseCommand(env), ['parse', server.url('/parse/news.xml')]);
    expect(stdout).toMatch(/ - 3 articles, oldest first/);
    expect(server.hits('/parse/news.xml')).toBe(1);
    expect(vi.mocked(createConfiguredFetcher)).toHaveBeenCalledTimes(1);
    expect(vi.mocked(createConfiguredFetcher)).toHaveBeenCalledWith(
      expect.objectContaining({ fetch: expect.objectContaining({ perHost: 1, timeoutMs: 4000 }) }),
      { jitterMs: 0 },
    );
  });
});
