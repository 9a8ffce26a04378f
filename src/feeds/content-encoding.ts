import { Buffer } from 'node:buffer';
import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate, inflateRaw, type ZlibOptions } from 'node:zlib';
import { BodyTooLargeError } from './read-body.js';
import { looksBinary } from './sniff.js';

/**
 * Undoing a body's Content-Encoding, strictly. Node's fetch decodes leniently, as browsers do:
 * a gzip stream cut off before its end (the connection closed early, the trailer is missing)
 * yields the text decoded so far, and a feed that loses its last items that way looks
 * complete. Here a body must decode to its end, or the fetch fails and says why.
 */

/**
 * Why a body could not be decoded: it stops before its end, it is not what its label says, or
 * its label names a coding this fetcher cannot undo.
 */
type ContentEncodingProblem = 'truncated' | 'invalid' | 'unsupported';

/** A body that does not decode as its Content-Encoding says; fetch.ts turns it into a FeedFetchError. */
export class ContentEncodingError extends Error {
  override readonly name = 'ContentEncodingError';
  /** `status`: the HTTP status of the answer whose body this was. */
  constructor(readonly encoding: string, readonly problem: ContentEncodingProblem, readonly status: number | null, options?: { cause?: unknown }) {
    super(`feeds/content-encoding: ${describeProblem(encoding, problem)}`, options);
  }
}

/** The problem in words, for this error's message and for the FeedFetchError made of it. */
export function describeProblem(encoding: string, problem: ContentEncodingProblem): string {
  switch (problem) {
    case 'truncated': return `the ${encoding} data stops before its end`;
    case 'invalid': return `body is not valid ${encoding}`;
    case 'unsupported': return `unsupported Content-Encoding: ${encoding}`;
  }
}

type Decoder = (bytes: Uint8Array, options: ZlibOptions) => Promise<Buffer>;

const gunzipAsync = promisify(gunzip) as Decoder;
const inflateAsync = promisify(inflate) as Decoder;
const inflateRawAsync = promisify(inflateRaw) as Decoder;
const brotliAsync = promisify(brotliDecompress) as Decoder;

/**
 * "deflate" should be zlib-wrapped, but some servers send raw deflate; the first byte tells
 * them apart (a zlib header's low nibble is 8, compression method deflate), as browsers do.
 */
const inflateEither: Decoder = (bytes, options) => ((bytes[0] ?? 0) & 0x0f) === 0x08 ? inflateAsync(bytes, options) : inflateRawAsync(bytes, options);

const DECODERS: ReadonlyMap<string, Decoder> = new Map([
  ['gzip', gunzipAsync],
  ['x-gzip', gunzipAsync],
  ['deflate', inflateEither],
  ['br', brotliAsync],
]);

/** zlib's code for input that ended before the stream did (the same for gzip, deflate and brotli). */
const ENDED_EARLY = 'Z_BUF_ERROR';
/** zlib's code when the output would pass maxOutputLength. */
const TOO_LARGE = 'ERR_BUFFER_TOO_LARGE';

/** A coding named in an error is cut to this many characters: the header is the server's text. */
const MAX_CODING_CHARS = 40;

/**
 * The Content-Encoding codings to undo, in the order to undo them (the last applied first).
 * `identity` is no coding.
 */
function codingsToUndo(header: string | null): readonly string[] {
  if (header === null) return [];
  return header.split(',').map((coding) => coding.trim().toLowerCase()).filter((coding) => coding !== '' && coding !== 'identity').reverse();
}

/**
 * True when a body is plainly a text document already (markup or JSON from its first
 * character, no binary bytes): what a server sends under a label that names no coding at all
 * (`Content-Encoding: utf-8`, `none`), which browsers and other readers ignore. Compressed data
 * (zstd, compress ...) is binary from its first bytes, so it never passes for text.
 */
function isPlainText(bytes: Uint8Array): boolean {
  const start = Buffer.from(bytes.subarray(0, 1024)).toString('latin1').replace(/^\xEF\xBB\xBF/, '');
  return /^\s*[<{[]/.test(start) && !looksBinary(start);
}

/** How many codings' growth wireByteLimit allows for. */
const MAX_ALLOWED_LAYERS = 2;

/**
 * How many bytes a body under `header` may have on the wire when its decoded document may have
 * `maxBytes`. The limit is on the document (what memory and the parser hold); compressing data
 * that does not compress makes it a little larger (deflate's stored blocks, gzip's header and
 * trailer: zlib's deflateBound is about n/3200 + 19 bytes; brotli adds less), so each coding
 * to undo gets n/1024 + 1 KiB more, and a document just under the limit is not refused for
 * being sent compressed. The decoded document is held to `maxBytes` all the same.
 */
export function wireByteLimit(maxBytes: number, header: string | null): number {
  // Only codings there is a decoder for, and at most two layers (gzip over br is already rare):
  // a header repeating `br` thousands of times must not let a body run to many times the limit.
  const layers = Math.min(MAX_ALLOWED_LAYERS, codingsToUndo(header).filter((coding) => DECODERS.has(coding)).length);
  return maxBytes + layers * (Math.ceil(maxBytes / 1024) + 1024);
}

/** The coding as an error names it: the server's text, cut short when it is long. */
function codingName(coding: string): string {
  return coding.length > MAX_CODING_CHARS ? `${coding.slice(0, MAX_CODING_CHARS)}…` : coding;
}

/**
 * The body with its Content-Encoding undone. Throws ContentEncodingError when the data stops
 * before its end or is not valid for its coding (with the answer's `status`), or when a coding
 * is unknown (zstd, compress, a typo) and the body is not plainly text already: handed on
 * undecoded, it would fail in the parser as a confusing "not a feed". Throws
 * BodyTooLargeError as soon as the decoded body would pass `maxBytes` (so a gzip bomb never
 * fills memory). An empty body stays empty: it holds no data to be cut off, and the parser
 * names an empty document better.
 */
export async function decodeContentEncoding(bytes: Uint8Array, header: string | null, answer: { readonly maxBytes: number; readonly status: number | null }): Promise<Uint8Array> {
  const { maxBytes, status } = answer;
  let body = bytes;
  for (const coding of codingsToUndo(header)) {
    if (body.byteLength === 0) return body;
    const decode = DECODERS.get(coding);
    if (decode === undefined) {
      if (isPlainText(body)) break;
      throw new ContentEncodingError(codingName(coding), 'unsupported', status);
    }
    try {
      body = await decode(body, { maxOutputLength: maxBytes });
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (code === TOO_LARGE) throw new BodyTooLargeError(maxBytes, null);
      throw new ContentEncodingError(coding, code === ENDED_EARLY ? 'truncated' : 'invalid', status, { cause: error });
    }
  }
  // The wire allowed a little more than the limit (wireByteLimit): a body left as it came must still keep to it.
  if (body.byteLength > maxBytes) throw new BodyTooLargeError(maxBytes, body.byteLength);
  return body;
}
