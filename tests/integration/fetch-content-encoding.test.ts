import { readFileSync } from 'node:fs';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher, DEFAULT_FETCHER_OPTIONS, type FetcherOptions } from '../../src/feeds/fetch.js';
import { FeedFetchError } from '../../src/feeds/http-errors.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';

const FEED = readFileSync(new URL('../fixtures/fetch/feed.xml', import.meta.url), 'utf8');
const OPTIONS: FetcherOptions = { ...DEFAULT_FETCHER_OPTIONS, jitterMs: 0, timeoutMs: 5_000 };
const COMPRESSORS = [
  ['gzip', gzipSync],
  ['deflate', deflateSync],
  ['br', brotliCompressSync],
] as const;

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
});

async function fetchFailure(path: string): Promise<FeedFetchError> {
  const error = await createFetcher(OPTIONS).fetchDocument({ url: server.url(path) }).then(
    () => new Error(`expected ${path} to fail`),
    (e: unknown) => e,
  );
  if (!(error instanceof FeedFetchError)) throw error;
  return error;
}

/** Serves `body` under `encoding`, its Content-Length right for the bytes sent. */
function serveEncoded(path: string, encoding: string, body: Uint8Array): void {
  server.route(path, { headers: { 'content-type': 'application/rss+xml', 'content-encoding': encoding, 'content-length': body.byteLength }, body });
}

describe('fetchDocument and a compressed body cut short', () => {
  it.each(COMPRESSORS)('fails a %s body that stops halfway, saying the compressed body ended early', async (encoding, compress) => {
    const whole = compress(Buffer.from(FEED));
    serveEncoded(`/half.${encoding}`, encoding, whole.subarray(0, whole.byteLength >> 1));
    const error = await fetchFailure(`/half.${encoding}`);
    expect(error).toMatchObject({ reason: 'truncated', status: 200, retryable: true });
    expect(error.message).toBe(`feeds/fetch: compressed body ended early for ${server.url(`/half.${encoding}`)}: the ${encoding} data stops before its end`);
  });

  it('fails a gzip body whose trailer (checksum and length) is missing', async () => {
    const whole = gzipSync(Buffer.from(FEED));
    serveEncoded('/no-trailer.gz', 'gzip', whole.subarray(0, whole.byteLength - 8));
    expect(await fetchFailure('/no-trailer.gz')).toMatchObject({ reason: 'truncated' });
  });

  it('fails a gzip body whose connection closes early with no length declared (the end of the body looks normal)', async () => {
    const whole = gzipSync(Buffer.from(FEED));
    server.route('/closed.gz', (_req, res) => {
      // HTTP/1.0 style: the body is whatever arrives before the server closes the connection.
      res.socket?.end(Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Encoding: gzip\r\nConnection: close\r\n\r\n'), whole.subarray(0, whole.byteLength >> 1)]));
    });
    expect(await fetchFailure('/closed.gz')).toMatchObject({ reason: 'truncated' });
  });
});

describe('fetchDocument and a body that is not its Content-Encoding', () => {
  it.each(COMPRESSORS.map(([encoding]) => encoding))('fails a plain body labelled %s, saying it is not valid that', async (encoding) => {
    serveEncoded(`/plain.${encoding}`, encoding, Buffer.from(FEED));
    const error = await fetchFailure(`/plain.${encoding}`);
    expect(error).toMatchObject({ reason: 'bad-encoding', status: 200, retryable: false });
    expect(error.message).toBe(`feeds/fetch: body does not match its Content-Encoding for ${server.url(`/plain.${encoding}`)}: body is not valid ${encoding}`);
  });
});

describe('fetchDocument and compressed bodies servers really send', () => {
  it('reads raw deflate sent as "deflate" (without the zlib wrapper), as browsers do', async () => {
    serveEncoded('/raw.deflate', 'deflate', deflateRawSync(Buffer.from(FEED)));
    const outcome = await createFetcher(OPTIONS).fetchDocument({ url: server.url('/raw.deflate') });
    expect(outcome.kind === 'ok' && outcome.text).toBe(FEED);
  });

  it('reads a body compressed twice, undoing the codings last first', async () => {
    serveEncoded('/twice', 'gzip, br', brotliCompressSync(gzipSync(Buffer.from(FEED))));
    const outcome = await createFetcher(OPTIONS).fetchDocument({ url: server.url('/twice') });
    expect(outcome.kind === 'ok' && outcome.text).toBe(FEED);
  });

  it('takes an empty body labelled gzip as empty, for the parser to name', async () => {
    serveEncoded('/empty.gz', 'gzip', new Uint8Array());
    const outcome = await createFetcher(OPTIONS).fetchDocument({ url: server.url('/empty.gz') });
    expect(outcome.kind === 'ok' && outcome.bytes.byteLength).toBe(0);
  });
});

describe('fetchDocument and a Content-Encoding it cannot undo', () => {
  /** Compressed data of a coding Node cannot undo: binary from its first byte, as zstd's frame magic is. */
  const undecodable = Buffer.concat([Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), gzipSync(Buffer.from(FEED))]);

  it.each(['zstd', 'compress', 'gzip2'])('fails a body sent as %s, saying which coding it cannot undo', async (encoding) => {
    serveEncoded(`/unknown.${encoding}`, encoding, undecodable);
    const error = await fetchFailure(`/unknown.${encoding}`);
    expect(error).toMatchObject({ reason: 'unsupported-encoding', status: 200, retryable: false });
    expect(error.message).toBe(`feeds/fetch: unsupported Content-Encoding for ${server.url(`/unknown.${encoding}`)}: ${encoding}`);
  });

  it('fails a body whose last coding of several is unknown, naming that one', async () => {
    serveEncoded('/gzip-then-zstd', 'gzip, ZSTD', undecodable);
    const error = await fetchFailure('/gzip-then-zstd');
    expect(error).toMatchObject({ reason: 'unsupported-encoding' });
    expect(error.message).toMatch(/: zstd$/);
  });

  it('cuts a long unknown coding short in the message', async () => {
    serveEncoded('/long-coding', 'x'.repeat(300), undecodable);
    expect((await fetchFailure('/long-coding')).message).toMatch(/: x{40}…$/);
  });

  it.each([['identity'], [''], ['Identity, '], ['utf-8'], ['none']])('reads a plain feed sent with Content-Encoding %j as it is', async (encoding) => {
    serveEncoded(`/plain-${encodeURIComponent(encoding)}`, encoding, Buffer.from(FEED));
    const outcome = await createFetcher(OPTIONS).fetchDocument({ url: server.url(`/plain-${encodeURIComponent(encoding)}`) });
    expect(outcome.kind === 'ok' && outcome.text).toBe(FEED);
  });
});
