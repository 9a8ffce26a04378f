/**
 * A small pool of worker threads running parseFeed, so parsing (the poll's main CPU cost) runs
 * beside fetching and SQLite writes and on every core; the same workers read the main text of
 * article pages (Readability on linkedom, tens of milliseconds a page), which would otherwise
 * hold up the bot's replies. Results are the same as in this thread; when workers cannot start
 * (or die) the work falls back to this thread.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { FullText } from '../fulltext/extract.js';
import type { Logger } from '../log.js';
import { FeedParseError, parseFeed, type FeedSource, type ParseContext, type ParsedFeed } from './parse.js';
import type { FeedParseErrorKind } from './parse-error.js';
import { workerLauncher, type WorkerLauncher } from '../worker-launcher.js';

/** A message to a worker: a feed document to parse, or an article page to read the main text of. */
export type ParseTask =
  | {
      readonly id: number;
      readonly kind: 'feed';
      /** Bytes are copied to the worker (cheaper than text: one byte per character, not two). */
      readonly source: FeedSource;
      readonly context: ParseContext;
    }
  | { readonly id: number; readonly kind: 'page'; readonly html: string };

/** A worker's word that it has loaded its modules and is listening: deadlines count from here. */
export interface WorkerReady {
  readonly ready: true;
}

/** A worker's answer: the feed or the page's text, a FeedParseError's facts, or null for anything else. */
export type ParseReply =
  | { readonly id: number; readonly ok: true; readonly feed: ParsedFeed }
  | { readonly id: number; readonly ok: true; readonly page: FullText | null }
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
  /**
   * Documents a worker may hold (being parsed or queued in it; default QUEUE_PER_WORKER). Beyond
   * that, documents wait in the pool and this thread parses them too, one at a time, whenever it
   * is free: the parsing spreads over every core, this thread's included, and the text held in
   * the workers stays bounded.
   */
  readonly queuePerWorker?: number;
  /**
   * How long a worker may spend on one document (default PARSE_DEADLINE_MS). Past it the
   * worker is replaced, that document fails with a `timeout` FeedParseError and the documents
   * queued behind it go to the new worker, so one pathological feed never stalls the others.
   * Parsing in this thread has no deadline: it cannot be interrupted.
   */
  readonly taskTimeoutMs?: number;
  readonly logger?: Logger;
  /** The worker module; tests point it elsewhere to exercise the fallback. */
  readonly workerUrl?: URL;
}

/** parseFeed's contract, run off the main thread. Workers start on first use and never hold the process open when idle. */
export interface ParsePool {
  readonly parse: (source: FeedSource, context: ParseContext) => Promise<ParsedFeed>;
  /**
   * extractFromHtml's contract, off the main thread: the page's main text, or null when it holds
   * no article. Rejects only when the page took past the deadline (its worker is replaced).
   */
  readonly extractPage: (html: string) => Promise<FullText | null>;
  /** Workers currently alive (0 once the pool has fallen back to in-thread parsing). */
  readonly workerCount: () => number;
  /** Documents parsed so far by the workers and in this thread, to see how the work spread. */
  readonly counts: () => { readonly workers: number; readonly here: number };
  readonly close: () => Promise<void>;
}

/** What a task comes back with: a feed task's ParsedFeed, a page task's FullText or null. */
type TaskResult = ParsedFeed | FullText | null;

interface Pending {
  readonly task: ParseTask;
  /** Takes the ParsedFeed of a feed task, the FullText (or null) of a page task. */
  readonly resolve: (result: TaskResult) => void;
  readonly reject: (error: unknown) => void;
  /** The deadline while a worker holds the document. */
  timer?: ReturnType<typeof setTimeout>;
}

interface Slot {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
  /** The worker said it is listening (WorkerReady); until then its documents' deadlines allow for its start. */
  ready: boolean;
}

const FROM_SOURCE = import.meta.url.endsWith('.ts');
/** A bounded young generation, so a worker's heap (part of the process's RSS) stays modest. */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16 };
/**
 * A worker's own backlog before this thread parses too. As deep as the poller's default
 * concurrency (8 feeds in flight), so this thread, which also answers Telegram and writes
 * SQLite, parses only when the workers fall well behind; bench:poll was fastest at 8 (a backlog
 * of 2 made this thread take over a third of the documents and become the bottleneck).
 */
export const QUEUE_PER_WORKER = 8;
/**
 * The largest document this thread parses while there are workers: parsing runs at about 25 MB/s,
 * so a quarter of a megabyte holds up the bot's replies for some 10 ms at most. Larger documents
 * wait for a worker.
 */
export const MAX_LOCAL_PARSE_BYTES = 256 * 1024;
/** A feed document takes milliseconds to parse; a minute means the parser is stuck on it. */
const PARSE_DEADLINE_MS = 60_000;
/**
 * What a document's deadline allows on top while its worker is still starting (loading its
 * bundle takes a fraction of a second, longer on a busy machine): a worker's start must not
 * count as time spent on the document, yet one that never starts must not hold it for ever.
 */
const WORKER_START_ALLOWANCE_MS = 30_000;

/** Creates a pool of `size` parse workers (default: defaultPoolSize()). */
export function createParsePool(options: ParsePoolOptions = {}): ParsePool {
  const size = Math.max(0, Math.floor(options.size ?? defaultPoolSize()));
  const queuePerWorker = Math.max(1, options.queuePerWorker ?? QUEUE_PER_WORKER);
  const taskTimeoutMs = Math.max(1, options.taskTimeoutMs ?? PARSE_DEADLINE_MS);
  const workerUrl = options.workerUrl ?? new URL(FROM_SOURCE ? './parse-worker.ts' : './parse-worker.js', import.meta.url);
  let slots: Slot[] | null = null;
  /** Documents waiting for a worker or for this thread, oldest first. */
  const queue: Pending[] = [];
  let localBusy = false;
  let nextId = 0;
  let warned = false;

  const parsed = { workers: 0, here: 0 };
  const inThread = (task: ParseTask): Promise<TaskResult> => {
    parsed.here += 1;
    // Loaded on first use: a pool that only parses feeds (bench:poll, the CLI) does not load Readability.
    if (task.kind === 'page') return import('../fulltext/extract.js').then((module) => module.extractFromHtml(task.html));
    return parseFeed(task.source, task.context);
  };
  const runHere = (job: Pending): void => {
    inThread(job.task).then(job.resolve, job.reject);
  };
  /** A slot's documents in flight, taken back from its worker and parsed in this thread. */
  const runPendingHere = (slot: Slot): void => {
    for (const job of slot.pending.values()) {
      clearTimeout(job.timer);
      runHere(job);
    }
    slot.pending.clear();
  };

  const drop = (slot: Slot, error: unknown): void => {
    if (slots === null || !slots.includes(slot)) return;
    slots = slots.filter((s) => s !== slot);
    if (!warned) {
      warned = true;
      options.logger?.warn({ err: String(error), workers_left: slots.length }, 'feeds/parse-pool: a parse worker failed; parsing its work in this thread');
    }
    void slot.worker.terminate();
    runPendingHere(slot);
    if (slots.length === 0) for (const job of queue.splice(0)) runHere(job);
    else dispatch();
  };

  let launch: WorkerLauncher | null = null;
  /** One more worker, or null when none can be started. */
  const startSlot = (): Slot | null => {
    let worker: Worker;
    try {
      launch ??= workerLauncher(workerUrl, WORKER_LIMITS);
      worker = launch();
    } catch (error) {
      options.logger?.warn({ err: String(error) }, 'feeds/parse-pool: cannot start parse workers; parsing in this thread');
      return null;
    }
    const slot: Slot = { worker, pending: new Map(), ready: false };
    worker.on('message', (message: ParseReply | WorkerReady) => ('ready' in message ? markReady(slot) : settle(slot, message)));
    worker.on('error', (error) => drop(slot, error));
    worker.on('exit', (code) => drop(slot, new Error(`worker exited with code ${code}`)));
    worker.unref();
    // An idle worker must not hold the process open, also once it has come online.
    worker.once('online', () => {
      if (slot.pending.size === 0) worker.unref();
    });
    return slot;
  };

  const start = (): Slot[] => {
    const started: Slot[] = [];
    for (let i = 0; i < size; i++) {
      const slot = startSlot();
      if (slot === null) break;
      started.push(slot);
    }
    return started;
  };

  /**
   * A document outlived its deadline in `slot`. The worker works through its documents in
   * order, so it is stuck on the oldest one: that one fails, the worker is replaced, and the
   * documents it still held go first to the new one.
   */
  const expire = (slot: Slot): void => {
    if (slots === null || !slots.includes(slot)) return;
    const [stuck, ...waiting] = [...slot.pending.values()];
    slot.pending.clear();
    for (const job of waiting) clearTimeout(job.timer);
    slots = slots.filter((s) => s !== slot);
    void slot.worker.terminate();
    if (stuck !== undefined) {
      const seconds = Math.round(taskTimeoutMs / 100) / 10;
      if (stuck.task.kind === 'page') {
        options.logger?.warn({ seconds }, 'feeds/parse-pool: reading an article page took too long; worker replaced');
        stuck.reject(new Error(`feeds/parse-pool: reading the article page took longer than ${seconds} s; the page was abandoned`));
      } else {
        options.logger?.warn({ feed_id: stuck.task.context.feedId, seconds }, 'feeds/parse-pool: parsing a document took too long; worker replaced');
        stuck.reject(new FeedParseError(stuck.task.context.feedId, 'timeout', `parsing took longer than ${seconds} s; the document was abandoned`));
      }
    }
    queue.unshift(...waiting);
    const replacement = startSlot();
    if (replacement !== null) slots = [...slots, replacement];
    if (slots.length === 0) for (const job of queue.splice(0)) runHere(job);
    else dispatch();
  };

  /** Each document's deadline, from now: or from when its worker is ready, plus an allowance for starting. */
  const startDeadline = (slot: Slot, job: Pending): void => {
    clearTimeout(job.timer);
    job.timer = setTimeout(() => expire(slot), taskTimeoutMs + (slot.ready ? 0 : WORKER_START_ALLOWANCE_MS));
    job.timer.unref();
  };

  const markReady = (slot: Slot): void => {
    slot.ready = true;
    for (const job of slot.pending.values()) startDeadline(slot, job);
  };

  const settle = (slot: Slot, reply: ParseReply): void => {
    const job = slot.pending.get(reply.id);
    if (job === undefined) return;
    slot.pending.delete(reply.id);
    clearTimeout(job.timer);
    if (reply.ok) {
      parsed.workers += 1;
      job.resolve('feed' in reply ? reply.feed : reply.page);
    }
    else if (reply.error !== null) {
      parsed.workers += 1;
      job.reject(rebuildError(reply.error));
    } else if (job.task.kind === 'page') {
      // Readability failed on it there; it would fail here too, holding up the bot meanwhile.
      job.reject(new Error('feeds/parse-pool: the article page could not be read'));
    } else runHere(job);
    dispatch();
    if (slot.pending.size === 0) slot.worker.unref();
  };

  /**
   * Hands queued documents to workers with room; what remains is parsed here, one document at
   * a time and only after yielding, so the workers' finished replies (events, which wait while
   * this thread parses) come in first and keep the workers fed. This thread takes only feed
   * documents of at most MAX_LOCAL_PARSE_BYTES, so it never stops answering for long; article
   * pages always wait for a worker (Readability's time does not follow the page's size).
   */
  const dispatch = (): void => {
    for (let slot = leastBusy(slots ?? []); queue.length > 0 && slot !== undefined && slot.pending.size < queuePerWorker; slot = leastBusy(slots ?? [])) {
      const job = queue.shift() as Pending;
      if (slot.pending.size === 0) slot.worker.ref();
      slot.pending.set(job.task.id, job);
      startDeadline(slot, job);
      slot.worker.postMessage(job.task);
    }
    if (queue.length === 0 || localBusy) return;
    localBusy = true;
    setImmediate(() => {
      const index = queue.findIndex((job) => job.task.kind === 'feed' && sourceSize(job.task.source) <= MAX_LOCAL_PARSE_BYTES);
      const job = index < 0 ? undefined : queue.splice(index, 1)[0];
      if (job === undefined) {
        localBusy = false;
        return;
      }
      inThread(job.task)
        .then(job.resolve, job.reject)
        .finally(() => {
          localBusy = false;
          dispatch();
        });
    });
  };

  /** Queues `task` for the workers, or runs it here when there are none. */
  const submit = <T extends TaskResult>(task: ParseTask): Promise<T> => {
    slots ??= start();
    if (slots.length === 0) return inThread(task) as Promise<T>;
    return new Promise<T>((resolve, reject) => {
      queue.push({ task, resolve: resolve as (result: TaskResult) => void, reject });
      dispatch();
    });
  };
  const parse = (source: FeedSource, context: ParseContext): Promise<ParsedFeed> =>
    submit({ id: nextId++, kind: 'feed', source, context: { feedId: context.feedId, feedUrl: context.feedUrl, now: context.now } });
  const extractPage = (html: string): Promise<FullText | null> => submit({ id: nextId++, kind: 'page', html });

  const close = async (): Promise<void> => {
    const closing = slots ?? [];
    slots = [];
    for (const job of queue.splice(0)) runHere(job);
    for (const slot of closing) runPendingHere(slot);
    await Promise.all(closing.map((slot) => slot.worker.terminate()));
  };

  return { parse, extractPage, workerCount: () => slots?.length ?? 0, counts: () => ({ ...parsed }), close };
}

/** One worker per core beyond the first (the main thread's); 0 on a single core. */
export function defaultPoolSize(): number {
  return Math.max(0, availableParallelism() - 1);
}

/** A document's size in bytes (text counts a byte per character: close enough for a limit). */
function sourceSize(source: FeedSource): number {
  return typeof source === 'string' ? source.length : source.bytes.byteLength;
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
