/**
 * Checkpoints the write-ahead log from a worker thread. Left to SQLite, the connection whose
 * commit pushes the WAL past its limit copies it back into the database file there and then:
 * storing the 25,000 articles of bench:poll's first poll, that held the event loop for 50-63 ms
 * three or four times, while fetches, stores and chat replies waited. Here a second connection
 * does that copying in its own thread (PASSIVE: it never blocks the writer), and the writer's own
 * automatic checkpoint stays only as a safety net above what a poll writes, or comes back at its
 * usual limit when the worker cannot run.
 */
import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';
import type { Logger } from '../log.js';
import { workerLauncher, type WorkerLauncher } from '../worker-launcher.js';
import { WAL_AUTOCHECKPOINT_PAGES, type SqliteDatabase } from './database.js';

/** What the worker is started with. */
export interface CheckpointerSetup {
  readonly path: string;
  /** better-sqlite3's entry file, resolved here (see checkpoint-worker.ts). */
  readonly sqliteModule: string;
  readonly intervalMs: number;
}

/** What the worker reports. */
export type CheckpointerMessage =
  | { readonly kind: 'checkpoint'; readonly logFrames: number; readonly copiedFrames: number; readonly ms: number }
  | { readonly kind: 'error'; readonly message: string };

export interface WalCheckpointerOptions {
  readonly logger: Logger;
  /** How often the worker looks for new commits (default CHECKPOINT_INTERVAL_MS). */
  readonly intervalMs?: number;
  /** Called with each checkpoint the worker made (tests, benchmarks). */
  readonly onCheckpoint?: (report: Extract<CheckpointerMessage, { kind: 'checkpoint' }>) => void;
  readonly launch?: WorkerLauncher;
}

export interface WalCheckpointer {
  /** False when no worker runs (an in-memory database, or the worker could not start). */
  readonly running: boolean;
  /** Stops the worker and gives the writer its usual automatic checkpoint back. Never rejects. */
  stop(): Promise<void>;
}

/**
 * Five times a second: bench:poll's first poll writes 68 MB of WAL in about 2.4 s, so each
 * checkpoint copies about 6 MB, and the one after a poll ends is short. At 500 ms it could still run into bench:poll's second poll,
 * which follows at once (docs/benchmarks.md: shorter at 200 ms in a slow phase, alike in a calm one).
 */
const CHECKPOINT_INTERVAL_MS = 200;
/** The writer's own checkpoint while the worker runs: ~100 MB of 4 KB pages, above the 68 MB of WAL of a 500-feed first poll. */
export const SAFETY_NET_PAGES = 25_000;
const STOP_TIMEOUT_MS = 5_000;

const FROM_SOURCE = import.meta.url.endsWith('.ts');
/** What is returned when no worker runs: SQLite checkpoints as it always did. */
const NOT_RUNNING: WalCheckpointer = { running: false, stop: async () => {} };

/** Starts checkpointing `db`'s WAL from a worker thread; falls back to SQLite's own checkpoints. */
export function startWalCheckpointer(db: SqliteDatabase, options: WalCheckpointerOptions): WalCheckpointer {
  const { logger } = options;
  if (db.memory || String(db.pragma('journal_mode', { simple: true })) !== 'wal') return NOT_RUNNING;
  const setup: CheckpointerSetup = {
    path: db.name,
    sqliteModule: createRequire(import.meta.url).resolve('better-sqlite3'),
    intervalMs: options.intervalMs ?? CHECKPOINT_INTERVAL_MS,
  };
  let worker: Worker;
  try {
    const launch = options.launch ?? workerLauncher(new URL(FROM_SOURCE ? './checkpoint-worker.ts' : './checkpoint-worker.js', import.meta.url), {});
    worker = launch(setup);
  } catch (error) {
    logger.warn({ err: error }, 'store: cannot start the WAL checkpoint worker; SQLite checkpoints in this thread');
    return NOT_RUNNING;
  }
  worker.unref();
  db.pragma(`wal_autocheckpoint = ${SAFETY_NET_PAGES}`);
  return supervise(worker, db, options);
}

/** Reports the worker's checkpoints and errors, and hands checkpoints back to SQLite when it exits. */
function supervise(worker: Worker, db: SqliteDatabase, options: WalCheckpointerOptions): WalCheckpointer {
  const { logger } = options;
  let stopping = false;
  let alive = true;
  const reportedErrors = new Set<string>();
  worker.on('message', (message: CheckpointerMessage) => {
    if (message.kind === 'checkpoint') {
      logger.debug({ wal_frames: message.logFrames, copied_frames: message.copiedFrames, ms: Math.round(message.ms) }, 'store: WAL checkpoint');
      options.onCheckpoint?.(message);
    } else if (!reportedErrors.has(message.message)) {
      reportedErrors.add(message.message);
      logger.warn({ error: message.message }, 'store: WAL checkpoint failed; will try again');
    }
  });
  worker.on('error', (error) => logger.warn({ err: error }, 'store: the WAL checkpoint worker failed'));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => {
    alive = false;
    if (!stopping) logger.warn('store: the WAL checkpoint worker stopped; SQLite checkpoints in this thread again');
    if (db.open) db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    resolve();
  }));

  return {
    get running() {
      return alive;
    },
    async stop() {
      if (stopping) return exited;
      stopping = true;
      worker.postMessage('stop');
      const timeout = setTimeout(() => void worker.terminate(), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timeout);
    },
  };
}
