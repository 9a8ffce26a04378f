import { readFileSync } from 'node:fs';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher, DEFAULT_FETCHER_OPTIONS, type FetcherOptions, type FetchOutcome } from '../../src/feeds/fetch.js';
import { FeedFetchError } from '../../src/feeds/http-errors.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';

const FEED = readFileSync(new URL('../fixtures/fetch/feed.xml', import.meta.url), 'utf8');
const OPTIONS: FetcherOptions = { ...DEFAULT_FETCHER_OPTIONS, jitterMs: 0, timeoutMs: 5_000 };
const TITLE = 'Café “Nieuws” – 10 € für Zürich';
const rss = (declaration: string) => `${declaration}<rss version="2.0"><channel><title>${TITLE}</title></channel></rss>`;

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
});

async function fetchOk(path: string, options: Partial<FetcherOptions> = {}): Promise<Extract<FetchOutcome, { kind: 'ok' }>> {
  const outcome = await createFetcher({ ...OPTIONS, ...options }).fetchDocument({ url: server.url(path) });
  if (outcome.kind !== 'ok') throw new Error(`expected ok, got ${outcome.kind}`);
  return outcome;
}

describe('fetchDocument and compressed bodies', () => {
  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ] as const)('decompresses a %s body', async (encoding, compress) => {
    server.route(`/${encoding}.xml`, { headers: { 'content-type': 'application/rss+xml', 'content-encoding': encoding }, body: compress(Buffer.from(FEED)) });
    const outcome = await fetchOk(`/${encoding}.xml`);
    expect(outcome.text).toBe(FEED);
  });
});

describe('fetchDocument and the size limit', () => {
  const big = 'x'.repeat(64 * 1024);

  it('fails with too-large when Content-Length is over the limit', async () => {
    server.route('/big-declared.xml', { headers: { 'content-length': big.length }, body: big });
    const error = await createFetcher({ ...OPTIONS, maxBytes: 16 * 1024 }).fetchDocument({ url: server.url('/big-declared.xml') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeedFetchError);
    expect(error).toMatchObject({ reason: 'too-large', retryable: false });
  });

  it('cuts off a chunked body of unknown length once it passes the limit', async () => {
    server.route('/big-chunked.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      for (let i = 0; i < 8; i += 1) res.write(big);
      res.end();
    });
    const error = await createFetcher({ ...OPTIONS, maxBytes: 100_000 }).fetchDocument({ url: server.url('/big-chunked.xml') }).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'too-large' });
    expect((error as Error).message).toBe(`feeds/fetch: body too large for ${server.url('/big-chunked.xml')}: more than 100000 bytes`);
  });

  it('counts decompressed bytes, so a small gzip bomb is refused', async () => {
    server.route('/bomb.xml', { headers: { 'content-encoding': 'gzip' }, body: gzipSync(Buffer.alloc(4 * 1024 * 1024, 0x20)) });
    const error = await createFetcher({ ...OPTIONS, maxBytes: 1024 * 1024 }).fetchDocument({ url: server.url('/bomb.xml') }).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'too-large' });
  });

  it('accepts a body exactly at the limit', async () => {
    server.route('/exact.xml', { body: big });
    expect((await fetchOk('/exact.xml', { maxBytes: big.length })).bytes.byteLength).toBe(big.length);
  });
});

describe('fetchDocument and character encodings', () => {
  const withBom = (bom: number[], body: Buffer) => Buffer.concat([Buffer.from(bom), body]);

  it('reads an ISO-8859-1 feed named in the HTTP header as windows-1252', async () => {
    const text = rss('<?xml version="1.0"?>');
    server.route('/latin1.xml', { headers: { 'content-type': 'text/xml; charset=ISO-8859-1' }, body: iconv.encode(text, 'windows-1252') });
    expect(await fetchOk('/latin1.xml')).toMatchObject({ text, encoding: 'windows-1252' });
  });

  it('reads a windows-1252 feed named only in its XML declaration', async () => {
    const text = rss('<?xml version="1.0" encoding="windows-1252"?>');
    server.route('/cp1252.xml', { headers: { 'content-type': 'application/rss+xml' }, body: iconv.encode(text, 'windows-1252') });
    expect(await fetchOk('/cp1252.xml')).toMatchObject({ text, encoding: 'windows-1252' });
  });

  it('reads a UTF-8 feed the server labels ISO-8859-1 as UTF-8, closing quotes and Cyrillic included', async () => {
    // ” is E2 80 9D: read as windows-1252 its 0x9D is no character, so no later repair could bring it back.
    const text = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${TITLE} · Путин “сказал”</title></channel></rss>`;
    server.route('/mislabelled.xml', { headers: { 'content-type': 'text/xml; charset=ISO-8859-1' }, body: Buffer.from(text) });
    expect(await fetchOk('/mislabelled.xml')).toMatchObject({ text, encoding: 'utf-8' });
  });

  it('reads an undeclared windows-1252 feed without mojibake', async () => {
    const text = rss('');
    server.route('/undeclared.xml', { body: iconv.encode(text, 'windows-1252') });
    expect(await fetchOk('/undeclared.xml')).toMatchObject({ text, encoding: 'windows-1252' });
  });

  it.each([
    ['utf-16le', [0xff, 0xfe]],
    ['utf-16be', [0xfe, 0xff]],
  ])('reads %s with and without a byte order mark', async (encoding, bom) => {
    const text = rss('<?xml version="1.0" encoding="UTF-16"?>');
    const body = iconv.encode(text, encoding);
    server.route(`/${encoding}-bom.xml`, { headers: { 'content-type': 'application/xml' }, body: withBom(bom, body) });
    server.route(`/${encoding}-plain.xml`, { headers: { 'content-type': 'application/xml; charset=utf-16' }, body });
    expect(await fetchOk(`/${encoding}-bom.xml`)).toMatchObject({ text, encoding });
    expect(await fetchOk(`/${encoding}-plain.xml`)).toMatchObject({ text, encoding });
  });
});
