import type { Logger } from '../log.js';

/**
 * How long one piece of a chat's work may hold up the chat's next before that one starts anyway.
 * A reply Telegram never answers is given up only after 500 s (telegraf's limit for any call,
 * kept by replies-telegram), so a hung reply to /latest held up the chat's next /latest and
 * /digest as long. 30 s is twice what the delivery transport allows one Bot API call
 * (bot-api-transport.ts, 15 s): a /latest or /digest of several messages, with a short 429 waited
 * out, finishes well within it, and a call still unanswered by then is not coming back soon.
 */
const CHAT_HOLD_MS = 30_000;

/** What a piece of a chat's work sees of the work of that chat still running beside it. */
export interface ChatTurn {
  /**
   * Article seqs an earlier piece of work of this chat, still running past CHAT_HOLD_MS, holds
   * (see hold): it may yet send them, so this one must not pick them again.
   */
  readonly sending: ReadonlySet<number>;
  /** Marks article seqs as this work's until it settles, so a later piece that overtakes it leaves them alone. */
  hold(seqs: readonly number[]): void;
}

/** Runs work for one chat at a time, in arrival order; other chats are not held up. */
export interface ChatQueue {
  /**
   * Starts `work` once every earlier piece of work queued for `chatId` has settled (fulfilled or
   * not) or has run for longer than the queue's hold time: then it is logged and left to finish
   * on its own, and `work` starts beside it.
   */
  run<T>(chatId: number, work: (turn: ChatTurn) => Promise<T>): Promise<T>;
}

export interface ChatQueueOptions {
  /** Milliseconds a piece of work may hold up the chat's next (default CHAT_HOLD_MS). */
  readonly holdMs?: number;
  readonly logger?: Logger;
}

interface ChatLine {
  /** Settles when the chat's last queued work no longer holds up the next. */
  tail: Promise<void>;
  /** Work queued or running: the entry is dropped when none is left. */
  pending: number;
  /** The seqs each running piece of work holds. */
  readonly holds: Set<Set<number>>;
}

/**
 * A queue per chat. The commands that hand out briefings (/latest, /digest) read what the chat has
 * not received, send it and only then record it as received; queueing them per chat keeps two such
 * commands of the same chat from picking the same briefings while the first is still being sent.
 * A piece of work that overruns the hold time (a reply Telegram does not answer) stops holding
 * up the chat, but what it holds stays its own: the work that overtakes it skips those briefings,
 * so none is sent twice, and each is recorded by the one work that sent it (or offered again
 * if that one fails). Memory stays bounded: a chat's entry is dropped once its last work settles.
 */
export function createChatQueue(options: ChatQueueOptions = {}): ChatQueue {
  const holdMs = options.holdMs ?? CHAT_HOLD_MS;
  const lines = new Map<number, ChatLine>();
  return {
    run<T>(chatId: number, work: (turn: ChatTurn) => Promise<T>): Promise<T> {
      const line = lines.get(chatId) ?? { tail: Promise.resolve(), pending: 0, holds: new Set<Set<number>>() };
      lines.set(chatId, line);
      line.pending += 1;
      const previous = line.tail;
      let release = () => {};
      line.tail = new Promise<void>((resolve) => (release = resolve));
      const held = new Set<number>();
      const turn: ChatTurn = {
        get sending() {
          return new Set([...line.holds].filter((other) => other !== held).flatMap((other) => [...other]));
        },
        hold: (seqs) => seqs.forEach((seq) => held.add(seq)),
      };
      return previous.then(async () => {
        line.holds.add(held);
        const timer = setTimeout(() => {
          options.logger?.warn({ chat_id: chatId, after_ms: holdMs }, 'bot: chat work overran its hold time; the chat\'s next work no longer waits for it');
          release();
        }, holdMs);
        timer.unref();
        try {
          return await work(turn);
        } finally {
          clearTimeout(timer);
          line.holds.delete(held);
          release();
          line.pending -= 1;
          if (line.pending === 0 && lines.get(chatId) === line) lines.delete(chatId);
        }
      });
    },
  };
}
