/**
 * The benchmark's feed server, run as a child process so serving costs the poller no CPU:
 * builds the same corpus as bench/poll.ts, serves `/feed/<n>.xml` with ETag / 304, and prints
 * `listening <port> <sha256 of all documents> <their bytes> <real-news|synthetic>` on stdout.
 * Exits when its stdin closes.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildCorpus, digest } from './poll-corpus.js';

const [dir, feeds, items] = process.argv.slice(2);
const { documents, source } = buildCorpus(dir ?? '', Number(feeds), Number(items));
const bytes = documents.reduce((sum, doc) => sum + doc.byteLength, 0);

const server = createServer((req, res) => {
  const n = Number(/^\/feed\/(\d+)\.xml$/.exec(req.url ?? '')?.[1] ?? -1);
  const body = documents[n];
  if (body === undefined) {
    res.writeHead(404).end();
    return;
  }
  const etag = `"bench-${n}"`;
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, { etag }).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', 'content-length': body.byteLength, etag }).end(body);
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port} ${digest(documents)} ${bytes} ${source}\n`);
});
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));

