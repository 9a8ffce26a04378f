import type { Logger } from '../log.js';
import type { OutboxMessage, OutboxRepository } from '../store/outbox-repository.js';
import type { SubscriberRepository } from '../store/subscriber-repository.js';
import type { SendOutcome } from '../telegram/send-errors.js';
import { createOutcomeRecorder } from './record-outcome.js';
import type { Sender } from '../telegram/sender.js';

/** What the delivery worker needs. `chats` is the bot's subscriber repository. */
export interface DeliveryWorkerDeps {
  readonly outbox: OutboxRepository;
  readonly sender: Sender;
  readonly chats: Pick<SubscriberRepository, 'find' | 'markInactive' | 'moveChat' | 'update'>;
  readonly clock: () => number;
  readonly logger: Logger;
  /** HTTP attempts for 5xx / network failures before a message may be `failed` (default 6). */
  readonly maxAttempts?: number;
  /**
   * How long after it was written a message keeps being retried through 5xx / network failures
   * once it has had its `maxAttempts` (default RETRY_FOR_MS); then it is `failed`.
   */
  readonly retryForMs?: number;
  /** Messages handed to the sender at once (default 200); bounds memory, not the rate. */
  readonly window?: number;
  /** First back-off after a transient failure (default 1 s), doubled per attempt up to `maxBackoffMs` (default 5 min). */
  readonly baseBackoffMs?: number;
  readonly maxBackoffMs?: number;
  readonly random?: () => number;
}

export interface DeliveryWorker {
  /** Puts messages left `sending` by a crash back to pending, then starts sending. Returns their ids. */
  start(): number[];
  /** New messages were enqueued: look now instead of at the next timer. */
  wake(): void;
  /** Stops taking messages and waits for the ones in flight to be recorded. */
  stop(): Promise<void>;
  /** Messages handed to the sender and not yet answered. */
  inFlight(): number;
}

/**
 * A digest is still worth sending hours late (DIGEST_CATCHUP_HOURS says the same after downtime),
 * so an outage of Telegram or of our network must not use up its tries in half a minute: six
 * tries at 1, 2, 4, 8 and 16 s apart used to give up after about 30 s, and every message tried in
 * a one-minute outage at the digest minute was lost.
 */
const RETRY_FOR_MS = 3 * 60 * 60_000;

/**
 * How soon an answer the database refused to record (another process held the write lock past
 * the busy timeout, a full disk) is written again.
 */
const RECORD_RETRY_MS = 1_000;

/** last_error of messages dropped because their chat stopped or deleted its data before they went out. */
export const CHAT_STOPPED = 'jobs/deliver-outbox: chat stopped or deleted before sending';

/**
 * The outbox worker. Each message is claimed as `sending` (committed) right before its HTTP call,
 * so one that another process on the same database claimed first is not sent, and marked `sent`
 * with Telegram's message id right after. After a SIGKILL the only messages whose fate is unknown
 * are those still marked `sending`, one per call in flight (or answered while the database refused
 * to record it) and never two of one chat; start() sends
 * them again (at-least-once: they, and a call whose answer was lost and is retried, are the
 * possible duplicates). Failures stay with their message or chat; the worker goes on. Digests and
 * pushes of a chat that is no longer active (/stop, deleted data, blocked) are dropped, not sent:
 * a digest committed just before /stop, even by a tick that read the chat before it stopped,
 * never goes out.
 */
export function createDeliveryWorker(deps: DeliveryWorkerDeps): DeliveryWorker {
  const { outbox, sender, chats, clock, logger } = deps;
  const maxAttempts = deps.maxAttempts ?? 6;
  const retryForMs = deps.retryForMs ?? RETRY_FOR_MS;
  const window = deps.window ?? 200;
  const baseBackoffMs = deps.baseBackoffMs ?? 1_000;
  const maxBackoffMs = deps.maxBackoffMs ?? 5 * 60_000;
  const random = deps.random ?? Math.random;
  const record = createOutcomeRecorder({ outbox, chats, clock, logger, maxAttempts, retryForMs, baseBackoffMs, maxBackoffMs, random });
  const submitted = new Map<number, Promise<void>>();
  const busyChats = new Set<number>();
  /**
   * Answers Telegram gave that the database refused to record. Their rows stay `sending` and their
   * chats busy until a later write succeeds: left alone, a message Telegram had accepted stayed
   * `sending`, held back the chat's later parts for the rest of the run, and went out again after
   * the next restart.
   */
  const unrecorded = new Map<number, { readonly message: OutboxMessage; readonly outcome: SendOutcome }>();
  let recordFailedAt = -Infinity;
  let running = false;
  let timer: NodeJS.Timeout | null = null;

  function schedule(delayMs: number): void {
    if (!running) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      fill();
    }, unrecorded.size > 0 ? Math.min(delayMs, RECORD_RETRY_MS) : delayMs);
  }

  function fill(): void {
    if (!running) return;
    recordAgain();
    try {
      const now = clock();
      const room = window - submitted.size;
      const due = room > 0 ? outbox.nextDue(now, room, busyChats) : [];
      let skipped = 0;
      for (const message of due) {
        if (isUnwanted(message)) {
          skipped += 1;
          const abandoned = outbox.abandonChat(message.chatId, CHAT_STOPPED, now);
          logger.info({ chat_id: message.chatId, abandoned }, 'jobs/deliver-outbox: chat stopped or deleted, dropping its messages');
        } else {
          submit(message);
        }
      }
      if (skipped > 0) {
        // The room those took is free again: look again at once.
        schedule(0);
      } else if (due.length < room) {
        // Nothing more is due now: wake for the next retry (completions call fill too).
        const next = outbox.nextWakeAt();
        if (next !== null && next > now) schedule(Math.min(next - now, 60_000));
        else if (submitted.size === 0 && next !== null) schedule(50);
      }
    } catch (error) {
      logger.error({ err: error }, 'jobs/deliver-outbox: reading the outbox failed, retrying in 1 s');
      schedule(1_000);
    }
    if (unrecorded.size > 0 && timer === null) schedule(RECORD_RETRY_MS);
  }

  /** Records what Telegram answered; when the database refuses, keeps it to be written again. */
  function recordOrKeep(message: OutboxMessage, outcome: SendOutcome): boolean {
    try {
      record(message, outcome);
      unrecorded.delete(message.id);
      return true;
    } catch (error) {
      unrecorded.set(message.id, { message, outcome });
      recordFailedAt = clock();
      logger.error({ err: error, outbox_id: message.id, chat_id: message.chatId, outcome: outcome.kind }, 'jobs/deliver-outbox: recording an outcome failed, trying again');
      return false;
    }
  }

  /** Writes the answers the database refused before; each chat is free again once its answer is stored. */
  function recordAgain(): void {
    // Not at once: a write that waited out the busy timeout would likely wait it out again.
    const since = clock() - recordFailedAt;
    if (since >= 0 && since < RECORD_RETRY_MS) return;
    for (const { message, outcome } of [...unrecorded.values()]) {
      if (submitted.has(message.id)) continue;
      if (!recordOrKeep(message, outcome)) return;
      busyChats.delete(message.chatId);
      logger.info({ outbox_id: message.id, chat_id: message.chatId, outcome: outcome.kind }, 'jobs/deliver-outbox: outcome recorded at last');
    }
  }

  /** A digest or push for a chat that chose /stop (or deleted its data) after it was written. */
  function isUnwanted(message: OutboxMessage): boolean {
    const chat = chats.find(message.chatId);
    return chat === null || !chat.active;
  }

  function submit(message: OutboxMessage): void {
    busyChats.add(message.chatId);
    const done = sender
      .send({
        message: { chatId: message.chatId, text: message.payload.text, parseMode: message.payload.parse_mode, options: message.payload.options },
        onBeforeCall: () => outbox.markSending(message.id, clock()),
        // Recorded before the sender starts its next call: a kill never finds more rows `sending` than calls in flight.
        onAfterCall: (outcome) => void recordOrKeep(message, outcome),
      })
      .then(() => {
        submitted.delete(message.id);
        // A chat whose answer is still to be written stays busy: its next part must wait for it.
        if (!unrecorded.has(message.id)) busyChats.delete(message.chatId);
        if (submitted.size <= window / 2) fill();
        else if (unrecorded.size > 0 && timer === null) schedule(RECORD_RETRY_MS);
      });
    submitted.set(message.id, done);
  }

  return {
    start() {
      const recovered = outbox.recoverInFlight(clock());
      if (recovered.length > 0) logger.warn({ outbox_ids: recovered }, 'jobs/deliver-outbox: resending messages in flight at the last stop');
      running = true;
      fill();
      return recovered;
    },
    wake() {
      if (running && submitted.size <= window / 2) fill();
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      sender.dropQueued();
      await Promise.all(submitted.values());
      recordFailedAt = -Infinity;
      recordAgain();
      // Still `sending` in the database: the next start sends these again, as after a kill.
      if (unrecorded.size > 0) logger.error({ outbox_ids: [...unrecorded.keys()] }, 'jobs/deliver-outbox: stopping with answers not recorded; the next start sends them again');
    },
    inFlight: () => submitted.size,
  };
}
