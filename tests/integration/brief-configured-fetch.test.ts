import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { briefCommand } from '../../src/cli/brief.js';
import { createConfiguredFetcher } from '../../src/ingestion.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';

// Watched, not replaced: the page is still fetched from the loopback server by the real fetcher.
vi.mock('../../src/ingestion.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/ingestion.js')>();
  return { ...actual, createConfiguredFetcher: vi.fn(actual.createConfiguredFetcher) };
});

const PAGE = readFileSync(new URL('../fixtures/condense/article-page.html', import.meta.url), 'utf8');

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
  server.route('/brug', { headers: { 'content-type': 'text/html; charset=utf-8' }, body: PAGE });
});
afterAll(async () => {
  await server.close();
});

describe('newsbrief brief <url>', () => {
  // One page is a single request, so FETCH_PER_HOST (the setting brief left out) cannot show at
  // the server: what is checked is that brief fetches with the fetcher every FETCH_* setting goes into.
  it('fetches with the configured fetcher, FETCH_PER_HOST and all, without jitter', async () => {
    let out = '';
    const env = { FETCH_PER_HOST: '1', FETCH_TIMEOUT_MS: '4000' };
    const program = new Command('newsbrief').exitOverride().addCommand(briefCommand(env, { write: (text) => (out += text) }));
    await program.parseAsync(['node', 'newsbrief', 'brief', server.url('/brug')]);
    expect(out).toContain('Zwarte Water');
    expect(server.hits('/brug')).toBe(1);
    expect(vi.mocked(createConfiguredFetcher)).toHaveBeenCalledTimes(1);
    expect(vi.mocked(createConfiguredFetcher)).toHaveBeenCalledWith(
      expect.objectContaining({ fetch: expect.objectContaining({ perHost: 1, timeoutMs: 4000 }) }),
      { jitterMs: 0 },
    );
  });
});
