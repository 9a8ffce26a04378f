/**
 * Worker-thread side of the parse pool (parse-pool.ts): runs parseFeed on each task it is sent
 * and posts back the ParsedFeed, or the facts of the FeedParseError so the pool can rebuild it.
 */
import { parentPort } from 'node:worker_threads';
import { FeedParseError, parseFeed } from './parse.js';
import type { ParseReply, ParseTask } from './parse-pool.js';

const port = parentPort;
if (port === null) throw new Error('feeds/parse-worker: must run in a worker thread');

port.on('message', (task: ParseTask) => {
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
