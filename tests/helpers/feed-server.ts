import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Answers one request; may be async (slow responses, streaming). */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** A canned answer: status (default 200), headers, body. */
export interface StaticResponse {
  readonly status?: number;
  readonly headers?: Record<string, string | number>;
  readonly body?: string | Uint8Array;
}

/** One request as the server saw it. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
}

/** A loopback HTTP server (127.0.0.1, random port) with programmable routes, for fetch and poll tests. */
export interface FeedServer {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  /** Absolute URL of a path on this server. */
  url(path: string): string;
  /** Sets (or replaces) what `path` answers; the path is matched with its query string, then without. */
  route(path: string, handler: RouteHandler | StaticResponse): void;
  /** How many requests reached `path` (routed or not). */
  hits(path: string): number;
  /** The requests that reached `path`, oldest first (all paths when omitted). */
  requests(path?: string): readonly RecordedRequest[];
  /** Highest number of requests that were in flight at the same time. */
  maxInFlight(): number;
  /** Forgets hits, requests and the in-flight peak; routes stay. */
  resetCounts(): void;
  /** Closes all connections, including hanging ones, and the server. */
  close(): Promise<void>;
}

/** Starts a FeedServer; unknown paths answer 404. */
export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, RouteHandler>();
  let recorded: RecordedRequest[] = [];
  let inFlight = 0;
  let peak = 0;

  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    recorded.push({ method: req.method ?? 'GET', path, headers: req.headers });
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    let finished = false;
    const done = (): void => {
      if (finished) return;
      finished = true;
      inFlight -= 1;
    };
    res.on('finish', done);
    res.on('close', done);
    const handler = routes.get(path) ?? routes.get(path.split('?')[0] ?? path);
    if (handler === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const pathOf = (path: string): string => (path.startsWith('/') ? path : `/${path}`);

  return {
    origin,
    url: (path) => `${origin}${pathOf(path)}`,
    route(path, handler) {
      routes.set(pathOf(path), typeof handler === 'function' ? handler : staticHandler(handler));
    },
    hits: (path) => recorded.filter((r) => r.path === pathOf(path) || r.path.split('?')[0] === pathOf(path)).length,
    requests: (path) => (path === undefined ? recorded : recorded.filter((r) => r.path === pathOf(path))),
    maxInFlight: () => peak,
    resetCounts() {
      recorded = [];
      peak = inFlight;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function staticHandler(response: StaticResponse): RouteHandler {
  return (_req, res) => {
    res.writeHead(response.status ?? 200, response.headers ?? {});
    res.end(response.body ?? '');
  };
}

/** Options of feedResponse: the validators a real feed server would send. */
export interface FeedResponseOptions {
  readonly contentType?: string;
  readonly etag?: string;
  readonly lastModified?: string;
  readonly headers?: Record<string, string | number>;
}

/**
 * A handler that serves `body` like a well-behaved feed server: ETag / Last-Modified on 200,
 * and 304 without a body when the request's If-None-Match or If-Modified-Since matches.
 */
export function feedResponse(body: string | Uint8Array, options: FeedResponseOptions = {}): RouteHandler {
  return (req, res) => {
    const headers: Record<string, string | number> = {
      'content-type': options.contentType ?? 'application/rss+xml; charset=utf-8',
      ...(options.etag === undefined ? {} : { etag: options.etag }),
      ...(options.lastModified === undefined ? {} : { 'last-modified': options.lastModified }),
      ...options.headers,
    };
    const etagMatches = options.etag !== undefined && req.headers['if-none-match'] === options.etag;
    const dateMatches = options.lastModified !== undefined && req.headers['if-modified-since'] === options.lastModified;
    if (etagMatches || (req.headers['if-none-match'] === undefined && dateMatches)) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, headers).end(body);
  };
}
