import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { FeedParseError, parseFeed } from '../../src/feeds/parse.js';
import { createParsePool, MAX_LOCAL_PARSE_BYTES, type ParsePool } from '../../src/feeds/parse-pool.js';
import { createFullTextExtractor, extractFromHtml } from '../../src/fulltext/extract.js';

const NOW = Date.UTC(2024, 11, 15, 12, 0, 0);
const FIXTURES = ['rss2.xml', 'atom-base.xml', 'rss1.rdf', 'feed.json', 'broken-entities.xml'];
const fixture = (name: string): string => readFileSync(new URL(`../fixtures/parse/${name}`, import.meta.url), 'utf8');
const context = (name: string) => ({ feedId: name, feedUrl: `https://feeds.example.com/${name}`, now: NOW });

async function failure(promise: Promise<unknown>): Promise<FeedParseError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FeedParseError);
    return error as FeedParseError;
  }
  throw new Error('expected a FeedParseError');
}

describe('parse pool', () => {
  let pool: ParsePool | null = null;
  afterEach(async () => {
    await pool?.close();
    pool = null;
  });

  it('parses every fixture exactly as parseFeed does in this thread', async () => {
    pool = createParsePool({ size: 2 });
    const viaPool = await Promise.all(FIXTURES.map((name) => pool!.parse(fixture(name), context(name))));
    expect(pool.workerCount()).toBe(2);
    for (const [i, name] of FIXTURES.entries()) {
      expect(viaPool[i]).toEqual(await parseFeed(fixture(name), context(name)));
    }
    expect(viaPool[0]?.articles.length).toBeGreaterThan(0);
  });

  it('rejects with the same FeedParseError (kind, message, page title) as in-thread parsing', async () => {
    pool = createParsePool({ size: 1 });
    const html = fixture('error-page.html');
    const fromPool = await failure(pool.parse(html, context('page')));
    const inThread = await failure(parseFeed(html, context('page')));
    expect(fromPool).toMatchObject({ kind: inThread.kind, message: inThread.message, pageTitle: inThread.pageTitle, feedId: 'page' });
    expect(fromPool.kind).toBe('html-page');
    expect((await failure(pool.parse('   ', context('empty')))).kind).toBe('empty');
  });

  it('falls back to in-thread parsing when its workers cannot start', async () => {
    pool = createParsePool({ size: 2, workerUrl: new URL('./no-such-parse-worker.js', import.meta.url) });
    const results = await Promise.all(FIXTURES.map((name) => pool!.parse(fixture(name), context(name))));
    expect(pool.workerCount()).toBe(0);
    for (const [i, name] of FIXTURES.entries()) {
      expect(results[i]).toEqual(await parseFeed(fixture(name), context(name)));
    }
    // Later calls go straight to this thread.
    expect(await pool.parse(fixture('rss2.xml'), context('again'))).toEqual(await parseFeed(fixture('rss2.xml'), context('again')));
  });

  it('shares the work with this thread when the workers are busy, with the same results', async () => {
    pool = createParsePool({ size: 1, queuePerWorker: 1 });
    const names = Array.from({ length: 12 }, (_, i) => FIXTURES[i % FIXTURES.length] as string);
    const results = await Promise.all(names.map((name, i) => pool!.parse(fixture(name), context(`${name}-${i}`))));
    for (const [i, name] of names.entries()) {
      expect(results[i]).toEqual(await parseFeed(fixture(name), context(`${name}-${i}`)));
    }
    const counts = pool.counts();
    expect(counts.workers).toBeGreaterThanOrEqual(1);
    expect(counts.here).toBeGreaterThanOrEqual(1);
    expect(counts.workers + counts.here).toBe(names.length);
  });

  it('leaves documents larger than MAX_LOCAL_PARSE_BYTES to the workers, however busy they are', async () => {
    pool = createParsePool({ size: 1, queuePerWorker: 1 });
    const items = (n: number) => Array.from({ length: n }, (_, i) => `<item><guid>g${i}</guid><title>Item ${i}</title><description>${'word '.repeat(200)}</description></item>`).join('');
    const big = `<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>${items(300)}</channel></rss>`;
    expect(big.length).toBeGreaterThan(MAX_LOCAL_PARSE_BYTES);
    const feeds = await Promise.all(Array.from({ length: 4 }, (_, i) => pool!.parse(big, context(`big-${i}`))));
    expect(feeds.map((feed) => feed.articles.length)).toEqual([300, 300, 300, 300]);
    expect(pool.counts()).toEqual({ workers: 4, here: 0 });
  });

  it('takes the fetched bytes and decodes them in the worker as decode.ts would', async () => {
    pool = createParsePool({ size: 1 });
    const text = '<?xml version="1.0" encoding="windows-1252"?><rss><channel><title>Caf\u00e9 \u201cnieuws\u201d</title>'
      + '<item><title>Cr\u00e8me br\u00fbl\u00e9e \u20ac5</title><link>https://e.com/a</link></item></channel></rss>';
    const bytes = new Uint8Array(iconv.encode(text, 'windows-1252'));
    const feed = await pool.parse({ bytes, contentType: 'application/rss+xml' }, context('cp1252'));
    expect(pool.counts().workers).toBe(1);
    expect(feed.title).toBe('Caf\u00e9 \u201cnieuws\u201d');
    expect(feed.articles[0]).toMatchObject({ title: 'Cr\u00e8me br\u00fbl\u00e9e \u20ac5', contentHash: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(feed).toEqual(await parseFeed(text, context('cp1252')));
  });

  it('parses in this thread when sized 0', async () => {
    pool = createParsePool({ size: 0 });
    expect(await pool.parse(fixture('rss2.xml'), context('zero'))).toEqual(await parseFeed(fixture('rss2.xml'), context('zero')));
    expect(pool.workerCount()).toBe(0);
  });

  it('counts a document\'s deadline from when its worker is ready, not from the worker\'s start', async () => {
    pool = createParsePool({ size: 1, taskTimeoutMs: 500, workerUrl: new URL('../fixtures/parse-pool/slow-start-worker.ts', import.meta.url) });
    expect(await pool.parse(fixture('rss2.xml'), context('first'))).toEqual(await parseFeed(fixture('rss2.xml'), context('first')));
    expect(pool.counts()).toEqual({ workers: 1, here: 0 });
  });

  it('abandons a document its worker is stuck on, and parses the ones queued behind it in a new worker', async () => {
    pool = createParsePool({ size: 1, taskTimeoutMs: 500, workerUrl: new URL('../fixtures/parse-pool/hanging-worker.ts', import.meta.url) });
    const stuck = fixture('rss2.xml').replace('<channel>', '<channel><!-- hang -->');
    const [hung, ...others] = await Promise.allSettled([
      pool.parse(stuck, context('stuck')),
      pool.parse(fixture('rss2.xml'), context('behind-1')),
      pool.parse(fixture('atom-base.xml'), context('behind-2')),
    ]);
    expect(hung).toMatchObject({ status: 'rejected', reason: { kind: 'timeout', feedId: 'stuck' } });
    expect(String((hung as PromiseRejectedResult).reason.message)).toMatch(/longer than 0\.5 s/);
    expect(others[0]).toEqual({ status: 'fulfilled', value: await parseFeed(fixture('rss2.xml'), context('behind-1')) });
    expect(others[1]).toEqual({ status: 'fulfilled', value: await parseFeed(fixture('atom-base.xml'), context('behind-2')) });
    expect(pool.workerCount()).toBe(1);
    expect(pool.counts()).toEqual({ workers: 2, here: 0 });
    expect(await pool.parse(fixture('rss1.rdf'), context('later'))).toEqual(await parseFeed(fixture('rss1.rdf'), context('later')));
  });
});

describe('parse pool: article pages', () => {
  const page = readFileSync(new URL('../fixtures/condense/article-page.html', import.meta.url), 'utf8');
  let pool: ParsePool | null = null;
  afterEach(async () => {
    await pool?.close();
    pool = null;
  });

  it('reads an article page in a worker exactly as extractFromHtml does in this thread', async () => {
    pool = createParsePool({ size: 1 });
    const expected = extractFromHtml(page);
    expect(expected?.text).toContain('Zwarte Water');
    expect(await pool.extractPage(page)).toEqual(expected);
    expect(await pool.extractPage('<html><body><p>Cookies?</p></body></html>')).toBeNull();
    expect(pool.counts()).toEqual({ workers: 2, here: 0 });
  });

  it('never reads a page in this thread while there are workers, however busy they are', async () => {
    pool = createParsePool({ size: 1, queuePerWorker: 1 });
    const results = await Promise.all([
      ...Array.from({ length: 6 }, () => pool!.extractPage(page)),
      pool.parse(fixture('rss2.xml'), context('busy')),
    ]);
    expect(results.slice(0, 6).every((result) => result?.title === extractFromHtml(page)?.title)).toBe(true);
    // This thread may take the small feed document; never a page.
    const { workers, here } = pool.counts();
    expect([workers + here, here <= 1]).toEqual([7, true]);
  });

  it('abandons a page its worker is stuck on, and the extractor keeps the teaser', async () => {
    pool = createParsePool({ size: 1, taskTimeoutMs: 500, workerUrl: new URL('../fixtures/parse-pool/hanging-worker.ts', import.meta.url) });
    const hanging = page.replace('<body>', '<body><!-- hang -->');
    await expect(pool.extractPage(hanging)).rejects.toThrow(/reading the article page took longer than 0\.5 s/);
    const extractor = createFullTextExtractor({ fetchPage: async () => hanging, extractPage: pool.extractPage });
    expect(await extractor.extract('https://news.example/slow')).toBeNull();
    expect(await pool.extractPage(page)).toEqual(extractFromHtml(page));
  });

  it('reports a page its worker could not read, without trying it again in this thread', async () => {
    pool = createParsePool({ size: 1, workerUrl: new URL('../fixtures/parse-pool/failing-page-worker.ts', import.meta.url) });
    await expect(pool.extractPage(page)).rejects.toThrow(/could not be read/);
    expect(pool.counts().here).toBe(0);
    expect(await pool.parse(fixture('rss2.xml'), context('still'))).toEqual(await parseFeed(fixture('rss2.xml'), context('still')));
  });

  it('reads pages in this thread when its workers cannot start', async () => {
    pool = createParsePool({ size: 1, workerUrl: new URL('./no-such-worker.js', import.meta.url) });
    expect(await pool.extractPage(page)).toEqual(extractFromHtml(page));
    expect(pool.counts()).toEqual({ workers: 0, here: 1 });
  });
});
