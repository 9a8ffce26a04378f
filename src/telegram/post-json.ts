import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { urlToHttpOptions } from 'node:url';

/** The status and the raw body text of one answer. */
export interface PostAnswer {
  readonly status: number;
  /** The status line's text ("Bad Gateway"), for an error that has no JSON description. */
  readonly statusMessage: string;
  readonly text: string;
}

interface JsonPostOptions {
  /** The whole call, connecting to the last byte of the answer, may take this long; then it fails. */
  readonly timeoutMs: number;
}

/**
 * An idle keep-alive connection is closed after this long, as undici (the runtime's fetch, which
 * this replaced) does when the server names no limit of its own: one that the server closed first
 * would fail the next call.
 */
const IDLE_SOCKET_MS = 4_000;

/**
 * Makes a function that POSTs a JSON body to `url` over node:http(s) on a keep-alive agent and
 * resolves with the answer's status and text, whatever the status; it rejects on a network
 * failure, a connection cut before the answer's end, or the timeout (an Error named
 * TimeoutError). Not the runtime's fetch: at a broadcast's 400 calls a second, the garbage of
 * fetch's per-call objects (Request, Response, streams, abort signals) reached the old generation,
 * which grew to about 100 MB between collections for 25 MB alive (docs/benchmarks.md, 2026-12-07).
 */
export function createJsonPost(url: URL, options: JsonPostOptions): (body: string) => Promise<PostAnswer> {
  const https = url.protocol === 'https:';
  const agent = https ? new HttpsAgent({ keepAlive: true, timeout: IDLE_SOCKET_MS }) : new HttpAgent({ keepAlive: true, timeout: IDLE_SOCKET_MS });
  const request = https ? httpsRequest : httpRequest;
  const target = { ...urlToHttpOptions(url), method: 'POST', agent };

  return (body) =>
    new Promise<PostAnswer>((resolve, reject) => {
      let req: ClientRequest | null = null;
      let settled = false;
      const settle = (error: Error | null, answer?: PostAnswer) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error === null) resolve(answer!);
        else {
          reject(error);
          req?.destroy();
        }
      };
      const timer = setTimeout(() => settle(timeoutError(options.timeoutMs)), options.timeoutMs);
      req = request({ ...target, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        readText(res).then((text) => settle(null, { status: res.statusCode ?? 0, statusMessage: res.statusMessage ?? '', text }), (error: Error) => settle(error));
      });
      req.on('error', (error) => settle(error));
      req.end(body);
    });
}

function timeoutError(ms: number): Error {
  const error = new Error(`telegram/post-json: no complete answer within ${ms} ms`);
  error.name = 'TimeoutError';
  return error;
}

/** The whole body as text; rejects when the connection ends before the answer does. */
function readText(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (text += chunk));
    res.on('error', reject);
    res.on('end', () => resolve(text));
    res.on('close', () => {
      if (!res.complete) reject(new Error('telegram/post-json: the connection closed before the answer ended'));
    });
  });
}

/** An answer's body as JSON, or null for one that is not (a proxy's HTML error page). */
export function parseAnswerBody(answer: PostAnswer): unknown {
  try {
    return JSON.parse(answer.text) as unknown;
  } catch {
    return null;
  }
}
