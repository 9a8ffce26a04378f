import type { Logger } from '../log.js';
import type { OutgoingMessage, Transport } from './bot-api-transport.js';
import type { SendOutcome } from './send-errors.js';
import { TokenBucket } from './token-bucket.js';

/**
 * One message waiting for its turn. `onBeforeCall` runs just before the HTTP call (the outbox
 * claims the row as `sending` there); when it returns false the message is not sent, and resolves
 * as NOT_CLAIMED without `onAfterCall`. `onAfterCall` runs with the outcome before the call's slot
 * is given to the next message (the outbox records it there), so the rows marked `sending` are
 * never more than the calls in flight, even for the moment between one answer and the next call.
 */
export interface SendRequest {
  readonly message: OutgoingMessage;
  readonly onBeforeCall?: () => boolean | void;
  readonly onAfterCall?: (outcome: SendOutcome) => void;
}

export interface SenderOptions {
  readonly transport: Transport;
  /** Whole-bot limit (Telegram: about 30/s; default config 25). */
  readonly globalPerSecond: number;
  /** Largest burst for the global bucket; small, so no one-second window ever exceeds the rate. */
  readonly globalBurst?: number;
  /** Per private chat (Telegram: about 1/s). */
  readonly privatePerSecond?: number;
  /** Per group, supergroup or channel (Telegram: 20/min). */
  readonly groupPerMinute?: number;
  /**
   * HTTP calls at the same time (default 1). One call at a time sends at most one message per
   * round trip to Telegram (bench:broadcast at a 60 ms round trip: 15.7 msg/s, below the default
   * limit of 25); k calls hide k round trips. A kill may repeat each call in flight, so
   * k allows k duplicates per kill, each to a different chat: the delivery worker never hands over
   * two messages of one chat at once.
   */
  readonly maxInFlight?: number;
  readonly clock: () => number;
  readonly logger?: Logger;
}

/**
 * The rate-limited sender of the outbox's messages: queue, token buckets, 429 pauses. Answers to
 * commands do not queue here: the bot sends them straight to Telegram and reports each one
 * (noteExternalSend), so they never wait behind a broadcast.
 */
export interface Sender {
  /** Resolves once the message went out (or failed) with the classified outcome; never rejects. */
  send(request: SendRequest): Promise<SendOutcome>;
  /** 429 answers seen so far, split by whether they paused one chat or everything. */
  rateLimits(): { chat: number; global: number };
  /**
   * Takes back the queued (not yet started) requests; each resolves as a 429 with no wait, i.e.
   * "not sent, try again". Used on shutdown so the outbox keeps them as pending.
   */
  dropQueued(): number;
  /** Stops the timer; call after dropQueued on shutdown. */
  close(): void;
  /**
   * Records a message that went to `chatId` outside this sender (a command reply on the bot's fast
   * path): it takes a global and a chat token, going into debt if need be, so bulk traffic slows
   * down by as much and a 429 that follows in that chat is judged a chat limit, not a global one.
   */
  noteExternalSend(chatId: number): void;
}

const SAFETY = 0.95;

/** What send resolves with when `onBeforeCall` declined the message: nothing went out. */
const NOT_CLAIMED: SendOutcome = { kind: 'rate_limited', retryAfterMs: 0, reason: 'telegram/sender: not claimed, not sent' };

interface Queued extends SendRequest {
  readonly resolve: (outcome: SendOutcome) => void;
}

interface ChatState {
  readonly bucket: TokenBucket;
  lastSentAt: number;
  /** When a message last went to this chat outside the sender (noteExternalSend). */
  lastExternalAt: number;
}

/** Negative ids are groups, supergroups and channels; positive ones are private chats. */
function isGroupChatId(chatId: number): boolean {
  return chatId < 0;
}

/**
 * Creates the sender: it lets through the first queued request whose chat and
 * the whole bot have a token, and after a 429 pauses that chat (or everything, when the chat had
 * not been written to recently, so its own limit cannot have been the cause).
 */
export function createSender(options: SenderOptions): Sender {
  const { transport, clock, logger } = options;
  const maxInFlight = Math.max(1, options.maxInFlight ?? 1);
  const privatePerSecond = options.privatePerSecond ?? 1;
  const groupPerMinute = options.groupPerMinute ?? 20;
  // Burst b plus rate r may land in one sliding second, so r = limit - b keeps every second under the limit.
  const globalBurst = options.globalBurst ?? Math.max(1, Math.floor(options.globalPerSecond / 40));
  const global = new TokenBucket(
    { capacity: globalBurst, perSecond: Math.max((options.globalPerSecond - globalBurst) * 0.99, options.globalPerSecond / 2) },
    clock(),
  );
  const chats = new Map<number, ChatState>();
  const queue: Queued[] = [];
  const limits = { chat: 0, global: 0 };
  let inFlight = 0;
  let timer: NodeJS.Timeout | null = null;
  let timerAt = Infinity;
  let closed = false;
  let sinceSweep = 0;

  function chatState(chatId: number, now: number): ChatState {
    let state = chats.get(chatId);
    if (!state) {
      // A 5% margin: our clock and Telegram's differ by the network's jitter.
      const options = isGroupChatId(chatId)
        ? { capacity: 1, perSecond: (groupPerMinute / 60) * SAFETY }
        : { capacity: 1, perSecond: privatePerSecond * SAFETY };
      state = { bucket: new TokenBucket(options, now), lastSentAt: -Infinity, lastExternalAt: -Infinity };
      chats.set(chatId, state);
    }
    return state;
  }

  function sweep(now: number): void {
    for (const [chatId, state] of chats) {
      if (state.bucket.isIdle(now) && now - state.lastSentAt > 60_000) chats.delete(chatId);
    }
  }

  function wakeAt(at: number): void {
    if (closed || at >= timerAt) return;
    if (timer) clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(() => {
      timer = null;
      timerAt = Infinity;
      pump();
    }, Math.max(0, at - clock()));
  }

  /** Finds the first queued request whose chat has a token now; else when one will. */
  function pick(now: number): { queued: Queued; state: ChatState } | { nextAt: number } {
    let nextAt = Infinity;
    for (let i = 0; i < queue.length; i++) {
      const queued = queue[i]!;
      const state = chatState(queued.message.chatId, now);
      const readyAt = state.bucket.readyAt(now);
      if (readyAt <= now) {
        queue.splice(i, 1);
        return { queued, state };
      }
      nextAt = Math.min(nextAt, readyAt);
    }
    return { nextAt };
  }

  function pump(): void {
    while (!closed && inFlight < maxInFlight && queue.length > 0) {
      const now = clock();
      const globalReady = global.readyAt(now);
      if (globalReady > now) return wakeAt(globalReady);
      const picked = pick(now);
      if (!('queued' in picked)) return wakeAt(picked.nextAt);
      global.tryTake(now);
      picked.state.bucket.tryTake(now);
      const previousSentAt = picked.state.lastSentAt;
      picked.state.lastSentAt = now;
      inFlight += 1;
      void dispatch(picked.queued, picked.state, previousSentAt);
    }
  }

  async function dispatch(queued: Queued, state: ChatState, previousSentAt: number): Promise<void> {
    let outcome: SendOutcome;
    let claimed = true;
    try {
      claimed = queued.onBeforeCall?.() !== false;
      outcome = claimed ? await transport.sendMessage(queued.message) : NOT_CLAIMED;
    } catch (error) {
      outcome = { kind: 'transient', reason: `telegram/sender: ${error instanceof Error ? error.message : String(error)}` };
    }
    const now = clock();
    if (claimed && outcome.kind === 'rate_limited') onRateLimited(queued.message.chatId, state, previousSentAt, outcome.retryAfterMs, now);
    try {
      if (claimed) queued.onAfterCall?.(outcome);
    } catch (error) {
      logger?.error({ err: error, chat_id: queued.message.chatId }, 'telegram/sender: the after-call hook failed');
    }
    inFlight -= 1;
    countForSweep(now);
    queued.resolve(outcome);
    pump();
  }

  function countForSweep(now: number): void {
    if (++sinceSweep >= 5_000) {
      sinceSweep = 0;
      sweep(now);
    }
  }

  function onRateLimited(chatId: number, state: ChatState, previousSentAt: number, retryAfterMs: number, now: number): void {
    const until = now + retryAfterMs;
    // Our own buckets keep each chat under its limit; a 429 for a chat that was quiet must be the global one.
    // "Quiet": nothing went there (from us or as a reply) within 1.5 of the chat's own interval.
    const lastWrite = Math.max(previousSentAt, state.lastExternalAt);
    const interval = isGroupChatId(chatId) ? 60_000 / groupPerMinute : 1_000 / privatePerSecond;
    const chatWasBusy = now - lastWrite < 1.5 * interval;
    state.bucket.pause(until, now);
    if (chatWasBusy) {
      limits.chat += 1;
    } else {
      limits.global += 1;
      global.pause(until, now);
    }
    logger?.warn({ chat_id: chatId, retry_after_ms: retryAfterMs, scope: chatWasBusy ? 'chat' : 'global' }, 'telegram/sender: 429, pausing');
  }

  return {
    send(request) {
      return new Promise<SendOutcome>((resolve) => {
        queue.push({ ...request, resolve });
        pump();
      });
    },
    rateLimits: () => ({ ...limits }),
    dropQueued() {
      const dropped = queue.splice(0);
      for (const queued of dropped) queued.resolve({ kind: 'rate_limited', retryAfterMs: 0, reason: 'telegram/sender: dropped before sending' });
      return dropped.length;
    },
    noteExternalSend(chatId) {
      const now = clock();
      global.takeAllowingDebt(now);
      const state = chatState(chatId, now);
      state.bucket.takeAllowingDebt(now);
      state.lastSentAt = now;
      state.lastExternalAt = now;
      countForSweep(now);
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
