/**
 * Worker-thread side of the WAL checkpointer (wal-checkpointer.ts): a connection of its own to
 * the database file that copies the write-ahead log back into the file whenever another
 * connection has committed since it last looked. A checkpoint writes and fsyncs megabytes; here
 * it holds up only this thread, not the one that fetches, stores and answers chats.
 */
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import type { CheckpointerSetup, CheckpointerMessage } from './wal-checkpointer.js';

const port = parentPort;
if (port === null) throw new Error('store/checkpoint-worker: must run in a worker thread');
const setup = workerData as CheckpointerSetup;
const post = (message: CheckpointerMessage) => port.postMessage(message);

// Loaded by the path the main thread resolved: bundled from sources, this file has no
// node_modules of its own to find the native addon in.
const Database = createRequire(setup.sqliteModule)(setup.sqliteModule) as typeof BetterSqlite3;
const db = new Database(setup.path, { fileMustExist: true });
// PASSIVE checkpoints never wait for the writer; this only covers opening the WAL index.
db.pragma('busy_timeout = 1000');
let seenVersion: unknown = null;

/** Copies the WAL back when another connection committed since the last look (and once at start). */
function checkpointIfChanged(): void {
  try {
    // Changes whenever another connection commits (a checkpoint does not change it).
    const version = db.pragma('data_version', { simple: true });
    if (version === seenVersion) return;
    seenVersion = version;
    const started = performance.now();
    const [result] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ busy: number; log: number; checkpointed: number }>;
    post({ kind: 'checkpoint', logFrames: result?.log ?? 0, copiedFrames: result?.checkpointed ?? 0, ms: performance.now() - started });
  } catch (error) {
    post({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

checkpointIfChanged();
const timer = setInterval(checkpointIfChanged, setup.intervalMs);

port.on('message', (message: unknown) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  port.close();
});
