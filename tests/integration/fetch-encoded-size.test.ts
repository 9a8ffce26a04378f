import { randomBytes } from 'node:crypto';
import { brotliCompressSync, constants, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher, DEFAULT_FETCHER_OPTIONS, type FetcherOptions } from '../../src/feeds/fetch.js';
import { FeedFetchError } from '../../src/feeds/http-errors.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';

// The default limit (FETCH_MAX_BYTES, 5 MiB): the limit is on the decoded document, what memory
// and the parser hold; a compressed body may be as much larger as compressing can make it.
const OPTIONS: FetcherOptions = { ...DEFAULT_FETCHER_OPTIONS, jitterMs: 0, timeoutMs: 15_000 };
const LIMIT = OPTIONS.maxBytes;
const MB = 1024 * 1024;
const COMPRESSORS = [
  ['gzip', gzipSync],
  ['deflate', deflateSync],
  // Quality 0: the quickest brotli, and random bytes do not compress at any quality.
  ['br', (bytes: Buffer) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 0 } })],
] as const;

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
});

/** Serves `body` under `encoding`, its Content-Length right for the bytes sent. */
function serveEncoded(path: string, encoding: string, body: Uint8Array): void {
  server.route(path, { headers: { 'content-type': 'application/rss+xml', 'content-encoding': encoding, 'content-length': body.byteLength }, body });
}

async function fetchBytes(path: string): Promise<Uint8Array> {
  const outcome = await createFetcher(OPTIONS).fetchDocument({ url: server.url(path) });
  if (outcome.kind !== 'ok') throw new Error(`expected ok, got ${outcome.kind}`);
  return outcome.bytes;
}

async function fetchFailure(path: string): Promise<FeedFetchError> {
  const error = await createFetcher(OPTIONS).fetchDocument({ url: server.url(path) }).then(() => new Error(`expected ${path} to fail`), (e: unknown) => e);
  if (!(error instanceof FeedFetchError)) throw error;
  return error;
}

describe('the size limit and a compressed body', () => {
  it.each(COMPRESSORS)('accepts an incompressible document of exactly the limit sent as %s, though the body on the wire is larger', async (encoding, compress) => {
    const document = randomBytes(LIMIT);
    const wire = compress(document);
    expect(wire.byteLength).toBeGreaterThan(LIMIT);
    serveEncoded(`/exact.${encoding}`, encoding, wire);
    expect(Buffer.from(await fetchBytes(`/exact.${encoding}`)).equals(document)).toBe(true);
  });

  it('accepts an incompressible 4.99 MB document sent gzipped', async () => {
    const document = randomBytes(Math.floor(4.99 * MB));
    serveEncoded('/almost.gz', 'gzip', gzipSync(document));
    expect((await fetchBytes('/almost.gz')).byteLength).toBe(document.byteLength);
  });

  it('refuses a 5.01 MB document sent gzipped, small on the wire, naming the limit', async () => {
    serveEncoded('/over.gz', 'gzip', gzipSync(Buffer.alloc(Math.ceil(5.01 * MB), '<item/>')));
    const error = await fetchFailure('/over.gz');
    expect(error).toMatchObject({ reason: 'too-large', retryable: false });
    expect(error.message).toBe(`feeds/fetch: body too large for ${server.url('/over.gz')}: more than ${LIMIT} bytes`);
  });

  it('refuses an incompressible document one byte over the limit sent gzipped', async () => {
    serveEncoded('/one-over.gz', 'gzip', gzipSync(randomBytes(LIMIT + 1)));
    expect(await fetchFailure('/one-over.gz')).toMatchObject({ reason: 'too-large' });
  });

  it('refuses a gzip bomb (64 MiB of nothing in 64 KiB) without holding it', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * MB), { level: 9 });
    expect(bomb.byteLength).toBeLessThan(LIMIT / 16);
    serveEncoded('/bomb.gz', 'gzip', bomb);
    expect((await fetchFailure('/bomb.gz')).message).toContain(`more than ${LIMIT} bytes`);
  });

  it('refuses a plain document over the limit sent under a label that names no coding', async () => {
    serveEncoded('/over-utf8', 'utf-8', Buffer.alloc(LIMIT + 100, '<item/>'));
    expect(await fetchFailure('/over-utf8')).toMatchObject({ reason: 'too-large' });
  });
});
