/**
 * A small pool of worker threads running parseFeed, so parsing (the poll's main CPU cost) runs
 * beside fetching and SQLite writes and on every core. Results are the same as in-thread
 * parsing; when workers cannot start (or die) the work falls back to parseFeed in this thread.
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../log.js';
import { FeedParseError, parseFeed, type ParseContext, type ParsedFeed } from './parse.js';
import type { FeedParseErrorKind } from './parse-error.js';

/** A message to a worker. */
export interface ParseTask {
  readonly id: number;
  readonly text: string;
  readonly context: ParseContext;
}

/** A worker's answer: the feed, a FeedParseError's facts, or null for anything else. */
export type ParseReply =
  | { readonly id: number; readonly ok: true; readonly feed: ParsedFeed }
  | {
      readonly id: number;
      readonly ok: false;
      readonly error: { feedId: string; kind: FeedParseErrorKind; message: string; pageTitle: string | null } | null;
    };

export interface ParsePoolOptions {
  /**
   * Number of worker threads; defaults to one per core beyond the first, which stays busy with
   * fetching and SQLite (so 0 on a single core). 0 parses in this thread.
   */
  readonly size?: number;
  readonly logger?: Logger;
  /** The worker module; tests point it elsewhere to exercise the fallback. */
  readonly workerUrl?: URL;
}

/** parseFeed's contract, run off the main thread. Workers start on first use and never hold the process open when idle. */
export interface ParsePool {
  readonly parse: (text: string, context: ParseContext) => Promise<ParsedFeed>;
  /** Workers currently alive (0 once the pool has fallen back to in-thread parsing). */
  readonly workerCount: () => number;
  readonly close: () => Promise<void>;
}

interface Pending {
  readonly task: ParseTask;
  readonly resolve: (feed: ParsedFeed) => void;
  readonly reject: (error: unknown) => void;
}

interface Slot {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
}

const FROM_SOURCE = import.meta.url.endsWith('.ts');
/** A bounded young generation, so a worker's heap (part of the process's RSS) stays modest. */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16 };

/** Creates a pool of `size` parse workers (default: defaultPoolSize()). */
export function createParsePool(options: ParsePoolOptions = {}): ParsePool {
  const size = Math.max(0, Math.floor(options.size ?? defaultPoolSize()));
  const workerUrl = options.workerUrl ?? new URL(FROM_SOURCE ? './parse-worker.ts' : './parse-worker.js', import.meta.url);
  let slots: Slot[] | null = null;
  let nextId = 0;
  let warned = false;

  const inThread = (task: ParseTask): Promise<ParsedFeed> => parseFeed(task.text, task.context);

  const drop = (slot: Slot, error: unknown): void => {
    if (slots === null || !slots.includes(slot)) return;
    slots = slots.filter((s) => s !== slot);
    if (!warned) {
      warned = true;
      options.logger?.warn({ err: String(error), workers_left: slots.length }, 'feeds/parse-pool: a parse worker failed; parsing its work in this thread');
    }
    void slot.worker.terminate();
    for (const job of slot.pending.values()) inThread(job.task).then(job.resolve, job.reject);
    slot.pending.clear();
  };

  const start = (): Slot[] => {
    const started: Slot[] = [];
    for (let i = 0; i < size; i++) {
      let worker: Worker;
      try {
        worker = spawnWorker(workerUrl);
      } catch (error) {
        options.logger?.warn({ err: String(error) }, 'feeds/parse-pool: cannot start parse workers; parsing in this thread');
        break;
      }
      const slot: Slot = { worker, pending: new Map() };
      worker.on('message', (reply: ParseReply) => settle(slot, reply));
      worker.on('error', (error) => drop(slot, error));
      worker.on('exit', (code) => drop(slot, new Error(`worker exited with code ${code}`)));
      worker.unref();
      // An idle worker must not hold the process open, also once it has come online.
      worker.once('online', () => {
        if (slot.pending.size === 0) worker.unref();
      });
      started.push(slot);
    }
    return started;
  };

  const settle = (slot: Slot, reply: ParseReply): void => {
    const job = slot.pending.get(reply.id);
    if (job === undefined) return;
    slot.pending.delete(reply.id);
    if (slot.pending.size === 0) slot.worker.unref();
    if (reply.ok) job.resolve(reply.feed);
    else if (reply.error !== null) job.reject(rebuildError(reply.error));
    else inThread(job.task).then(job.resolve, job.reject);
  };

  const parse = (text: string, context: ParseContext): Promise<ParsedFeed> => {
    const task: ParseTask = { id: nextId++, text, context: { feedId: context.feedId, feedUrl: context.feedUrl, now: context.now } };
    slots ??= start();
    const slot = leastBusy(slots);
    if (slot === undefined) return inThread(task);
    return new Promise<ParsedFeed>((resolve, reject) => {
      if (slot.pending.size === 0) slot.worker.ref();
      slot.pending.set(task.id, { task, resolve, reject });
      slot.worker.postMessage(task);
    });
  };

  const close = async (): Promise<void> => {
    const closing = slots ?? [];
    slots = [];
    for (const slot of closing) {
      for (const job of slot.pending.values()) inThread(job.task).then(job.resolve, job.reject);
      slot.pending.clear();
    }
    await Promise.all(closing.map((slot) => slot.worker.terminate()));
  };

  return { parse, workerCount: () => slots?.length ?? 0, close };
}

/** One worker per core beyond the first (the main thread's); 0 on a single core. */
export function defaultPoolSize(): number {
  return Math.max(0, availableParallelism() - 1);
}

function leastBusy(slots: readonly Slot[]): Slot | undefined {
  let best: Slot | undefined;
  for (const slot of slots) if (best === undefined || slot.pending.size < best.pending.size) best = slot;
  return best;
}

function rebuildError(facts: NonNullable<Extract<ParseReply, { ok: false }>['error']>): FeedParseError {
  const prefix = `feeds/parse: feed "${facts.feedId}": `;
  const detail = facts.message.startsWith(prefix) ? facts.message.slice(prefix.length) : facts.message;
  return new FeedParseError(facts.feedId, facts.kind, detail, { title: facts.pageTitle });
}

/**
 * Starts one worker on `workerUrl`. Running from TypeScript sources (tsx, vitest), the worker
 * first registers tsx's loader itself: Node 20 does not carry a parent's `--import` loader
 * hooks into worker threads.
 */
function spawnWorker(workerUrl: URL): Worker {
  if (!workerUrl.pathname.endsWith('.ts')) return new Worker(workerUrl, { resourceLimits: WORKER_LIMITS });
  const require = createRequire(import.meta.url);
  const tsxPackage = require('tsx/package.json') as { exports: Record<string, { import?: { default?: string } } | string> };
  const api = tsxPackage.exports['./esm/api'];
  const apiPath = typeof api === 'object' ? api.import?.default : undefined;
  if (apiPath === undefined) throw new Error('feeds/parse-pool: cannot find tsx/esm/api to load the TypeScript worker');
  const apiUrl = new URL(apiPath, pathToFileURL(require.resolve('tsx/package.json'))).href;
  const bootstrap = `import(${JSON.stringify(apiUrl)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl.href)}); });`;
  return new Worker(bootstrap, { eval: true, resourceLimits: WORKER_LIMITS });
}
