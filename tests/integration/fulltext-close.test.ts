import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { briefCommand } from '../../src/cli/brief.js';
import { DEFAULT_BUDGET } from '../../src/core/condense/index.js';
import { createFetcher, DEFAULT_FETCHER_OPTIONS } from '../../src/feeds/fetch.js';
import { fetchPageWith } from '../../src/fulltext/fetch-page.js';
import { createIngestionSummarizer } from '../../src/ingestion.js';
import { createSilentLogger } from '../../src/log.js';
import { feedResponse } from '../helpers/feed-server.js';
import { openPollRig, spec, usePollBed } from '../helpers/poll-harness.js';

const PAGE = readFileSync(new URL('../fixtures/condense/article-page.html', import.meta.url), 'utf8');

/**
 * A page server that never ends an idle connection itself and asks the client to keep it ten
 * minutes: a socket it sees closed was closed by the client, which is what is tested here.
 */
interface PageServer {
  readonly url: string;
  /** Resolves when the connection that carried the first page request is closed. */
  readonly connectionClosed: Promise<void>;
  close(): Promise<void>;
}

async function startPageServer(): Promise<PageServer> {
  let seen: (socket: Socket) => void = () => undefined;
  const firstSocket = new Promise<Socket>((resolve) => (seen = resolve));
  const server: Server = createServer((req, res) => {
    seen(req.socket);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'keep-alive': 'timeout=600' }).end(PAGE);
  });
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/brug`,
    connectionClosed: firstSocket.then((socket) => (socket.destroyed ? undefined : new Promise<void>((resolve) => socket.once('close', () => resolve())))),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const bed = usePollBed();
const fetcher = () => createFetcher({ ...DEFAULT_FETCHER_OPTIONS, jitterMs: 0, timeoutMs: 10_000 });
let pages: PageServer;
beforeEach(async () => {
  pages = await startPageServer();
});
afterEach(() => pages.close());

describe('the article-page fetcher, once closed', () => {
  it('closes the connection it kept alive to the page\'s site', async () => {
    const fetchPage = fetchPageWith(fetcher(), { allowPrivateHosts: true });
    expect(await fetchPage(pages.url)).toContain('Zwarte Water');
    await fetchPage.close();
    await pages.connectionClosed;
  });

  it('is closed with the ingestion\'s summarizer', async () => {
    // No page is remembered: this test watches the connection, not the reuse.
    const forgetful = { recall: () => null, remember: () => {}, forgetPagesBefore: () => 0 };
    const summarize = createIngestionSummarizer({ budget: DEFAULT_BUDGET, fetcher: fetcher(), pages: forgetful, now: bed.clock.now, logger: createSilentLogger(), page: { allowPrivateHosts: true } });
    const item = `<item><guid isPermaLink="false">brug</guid><title>Brug</title><link>${pages.url}</link><description>De raad stemt in.</description></item>`;
    bed.server.route('/feed.xml', feedResponse(`<?xml version="1.0"?><rss version="2.0"><channel><title>Zwolle</title>${item}</channel></rss>`));
    bed.rig = openPollRig(join(bed.dir, 'close.db'), bed.clock, { summarize });
    await bed.rig.poller.pollFeeds([spec('zwolle', bed.server.url('/feed.xml'), { language: 'nl', fullText: 'always' })]);
    expect(bed.rig.recentBriefings(['zwolle'], 1)[0]?.sentences.join(' ')).toContain('48 miljoen euro');
    await summarize.close();
    await pages.connectionClosed;
  });

  it('is closed when `newsbrief brief <url>` has printed the briefing', async () => {
    let out = '';
    const program = new Command('newsbrief').exitOverride().addCommand(briefCommand({}, { write: (text) => (out += text) }));
    await program.parseAsync(['node', 'newsbrief', 'brief', pages.url]);
    expect(out).toContain('Zwarte Water');
    await pages.connectionClosed;
  });
});
