import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { condenseArticle } from '../../src/core/condense/index.js';
import { DEFAULT_FETCHER_OPTIONS, createFetcher } from '../../src/feeds/fetch.js';
import { createFullTextExtractor } from '../../src/fulltext/extract.js';
import { fetchPageWith } from '../../src/fulltext/fetch-page.js';

const page = readFileSync(fileURLToPath(new URL('../fixtures/condense/article-page.html', import.meta.url)), 'utf8');
const frontPage = readFileSync(fileURLToPath(new URL('../fixtures/condense/navigation-page.html', import.meta.url)), 'utf8');

let server: Server;
let base: string;
const hanging = new Set<import('node:http').ServerResponse>();

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/artikel') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page);
    } else if (req.url === '/voorpagina') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(frontPage);
    } else if (req.url === '/leeg') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body><p>Accepteer cookies.</p></body></html>');
    } else if (req.url === '/afgebroken') {
      // Most of the article, gzipped, but the data stops before the end of the stream.
      const whole = gzipSync(page);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' });
      res.end(whole.subarray(0, Math.floor(whole.byteLength * 0.8)));
    } else if (req.url === '/aflevering.mp3') {
      res.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': 65536 });
      res.end(Buffer.alloc(65536, 0xff));
    } else if (req.url === '/traag') {
      hanging.add(res); // never answers: the fetcher's timeout must end it
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of hanging) res.destroy();
  await new Promise<void>((done) => server.close(() => done()));
});

/** A short timeout only where the test waits it out (`/traag`): a busy machine may take longer than that to answer. */
function extractor(timeoutMs = 10_000) {
  const fetcher = createFetcher({ ...DEFAULT_FETCHER_OPTIONS, timeoutMs, jitterMs: 0 });
  return createFullTextExtractor({ fetchPage: fetchPageWith(fetcher, { allowPrivateHosts: true }) });
}

describe('full-text extraction from a saved article page on loopback', () => {
  it('keeps the article paragraphs and drops navigation, share buttons, captions, related links and footer', async () => {
    const result = await extractor().extract(`${base}/artikel`);
    expect(result).not.toBeNull();
    expect(result?.title).toBe('Nieuwe brug over het Zwarte Water goedgekeurd');
    const text = result?.text ?? '';
    expect(text).toContain('De gemeenteraad van Zwolle heeft dinsdagavond ingestemd');
    expect(text).toContain('Het Rijk draagt nog eens 10 miljoen euro bij.');
    expect(text).toContain("auto's");
    for (const junk of ['Home', 'Deel op Facebook', 'Door Anna Jansen', 'Foto: gemeente', 'Lees ook', 'Raad twijfelt', 'nieuwsbrief', '©']) {
      expect(text).not.toContain(junk);
    }
    const briefing = condenseArticle({ title: result?.title ?? '', text, language: 'nl' });
    expect(briefing.sentences.join(' ')).toMatch(/brug/);
  });

  it('returns null (keep the teaser) on a 404, an answer not worth asking for again', async () => {
    expect(await extractor().extract(`${base}/weg`)).toBeNull();
    expect(await extractor().read(`${base}/weg`)).toEqual({ page: null, worthRetrying: false });
  });

  it('returns null (keep the teaser) when the page does not answer in time, a failure worth retrying', async () => {
    expect(await extractor(500).read(`${base}/traag`)).toEqual({ page: null, worthRetrying: true });
  });

  it('returns null (keep the teaser) when the gzipped page ends early, rather than condensing part of the article', async () => {
    expect(await extractor().extract(`${base}/afgebroken`)).toBeNull();
  });

  it('refuses a link to an audio file (an enclosure) by its media type, so it is never read as a page', async () => {
    const fetcher = createFetcher({ ...DEFAULT_FETCHER_OPTIONS, jitterMs: 0 });
    const error = await fetchPageWith(fetcher, { allowPrivateHosts: true })(`${base}/aflevering.mp3`).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'unwanted-type', retryable: false });
    expect((error as Error).message).toBe(`feeds/fetch: unwanted media type for ${base}/aflevering.mp3: audio/mpeg`);
  });

  it('returns null when the page holds no article, which asking again will not change', async () => {
    expect(await extractor().read(`${base}/leeg`)).toEqual({ page: null, worthRetrying: false });
  });

  it('returns null (keep the teaser) when an item links to a front page: its list of headlines is no article', async () => {
    expect(await extractor().extract(`${base}/voorpagina`)).toBeNull();
  });

  it('returns null when the port throws anything at all', async () => {
    const broken = createFullTextExtractor({ fetchPage: () => Promise.reject(new TypeError('boom')) });
    expect(await broken.extract('http://example.invalid/')).toBeNull();
  });
});
