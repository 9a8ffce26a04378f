/**
 * Worker-thread side of the parse pool (parse-pool.ts): runs parseFeed on each feed task it is
 * sent and posts back the ParsedFeed, or the facts of the FeedParseError so the pool can rebuild
 * it; reads the main text of each page task with extractFromHtml (null answer: no article; an
 * error answer: Readability failed on the page, which the pool reports without trying again).
 */
import { parentPort } from 'node:worker_threads';
import type { FullText } from '../fulltext/extract.js';
import { FeedParseError, parseFeed } from './parse.js';
import type { ParseReply, ParseTask, WorkerReady } from './parse-pool.js';

const port = parentPort;
if (port === null) throw new Error('feeds/parse-worker: must run in a worker thread');

port.on('message', (task: ParseTask) => {
  if (task.kind === 'page') {
    readPage(task.html).then(
      (page) => port.postMessage({ id: task.id, ok: true, page } satisfies ParseReply),
      () => port.postMessage({ id: task.id, ok: false, error: null } satisfies ParseReply),
    );
    return;
  }
  parseFeed(task.source, task.context).then(
    (feed) => port.postMessage({ id: task.id, ok: true, feed } satisfies ParseReply),
    (error: unknown) => {
      const reply: ParseReply =
        error instanceof FeedParseError
          ? { id: task.id, ok: false, error: { feedId: error.feedId, kind: error.kind, message: error.message, pageTitle: error.pageTitle } }
          : { id: task.id, ok: false, error: null };
      port.postMessage(reply);
    },
  );
});

/**
 * extractFromHtml, its module (linkedom, Readability) loaded on the first page (the module loader
 * keeps it for the next): a worker that only ever parses feeds does not carry it.
 */
async function readPage(html: string): Promise<FullText | null> {
  return (await import('../fulltext/extract.js')).extractFromHtml(html);
}

// Listening now: the pool counts each document's deadline from here, not from the worker's start.
port.postMessage({ ready: true } satisfies WorkerReady);
