import type { Logger } from '../log.js';
import type { OutboxMessage, OutboxRepository } from '../store/outbox-repository.js';
import type { SubscriberRepository } from '../store/subscriber-repository.js';
import { NO_RIGHTS, type SendOutcome } from '../telegram/send-errors.js';

/** What recording an outcome changes and reads, with the worker's retry settings resolved. */
export interface OutcomeRecorderDeps {
  readonly outbox: OutboxRepository;
  readonly chats: Pick<SubscriberRepository, 'find' | 'markInactive' | 'moveChat' | 'update'>;
  readonly clock: () => number;
  readonly logger: Logger;
  readonly maxAttempts: number;
  readonly retryForMs: number;
  readonly baseBackoffMs: number;
  readonly maxBackoffMs: number;
  readonly random: () => number;
}

/**
 * What Telegram's answer to one outbox message means for the outbox and the chat (deliver-outbox's
 * worker calls it after each call): sent, retried later (a 429 waits as asked, a transient failure
 * backs off with jitter until it has had its attempts and its time), the chat gone or muted, moved
 * to a supergroup, its forum topic gone, or the message refused. Throws when the database refuses
 * a write; the worker keeps the answer and writes it again.
 */
export function createOutcomeRecorder(deps: OutcomeRecorderDeps): (message: OutboxMessage, outcome: SendOutcome) => void {
  const { outbox, chats, clock, logger, maxAttempts, retryForMs, baseBackoffMs, maxBackoffMs, random } = deps;
  return (message, outcome) => {
    const now = clock();
    const { id, chatId } = message;
    const attempts = message.attempts + 1;
    switch (outcome.kind) {
      case 'sent':
        outbox.markSent(id, outcome.messageId, now);
        return;
      case 'rate_limited':
        outbox.reschedule(id, now + outcome.retryAfterMs, outcome.reason, false);
        return;
      case 'transient': {
        const backoff = Math.min(maxBackoffMs, baseBackoffMs * 2 ** Math.min(attempts - 1, 30));
        const retryAt = now + Math.round(backoff * (0.5 + random() * 0.5));
        if (attempts >= maxAttempts && retryAt - message.createdAt > retryForMs) {
          outbox.markFailed(id, outcome.reason, now);
          logger.warn({ outbox_id: id, chat_id: chatId, attempts, error: outcome.reason }, 'jobs/deliver-outbox: giving up');
        } else {
          outbox.reschedule(id, retryAt, outcome.reason, true);
        }
        return;
      }
      case 'chat_gone': {
        chats.markInactive(chatId, outcome.reason, now);
        const abandoned = outbox.abandonChat(chatId, outcome.reason, now);
        logger.info({ chat_id: chatId, abandoned, reason: outcome.reason }, 'jobs/deliver-outbox: chat gone, marked inactive');
        return;
      }
      case 'no_rights': {
        // Retrying daily would only collect refusals: the chat rests until Telegram says the bot
        // may post again (create-bot's my_chat_member), and what waited is recorded as abandoned.
        chats.markInactive(chatId, NO_RIGHTS, now);
        const abandoned = outbox.abandonChat(chatId, outcome.reason, now);
        logger.info({ chat_id: chatId, abandoned, reason: outcome.reason }, 'jobs/deliver-outbox: may not post in the chat, marked inactive');
        return;
      }
      case 'migrated':
        // The chat and its unsent messages move in one transaction (subscribers.moveChat): moved
        // apart, a kill between the two left the messages at an id with no chat, and the restart
        // dropped them as a stopped chat's. Killed before it, the next send to the old id migrates again.
        chats.moveChat(chatId, outcome.newChatId, now);
        // Messages of a chat not stored (nothing to move with them).
        outbox.moveChat(chatId, outcome.newChatId);
        if (attempts >= maxAttempts && now - message.createdAt > retryForMs) outbox.markFailed(id, outcome.reason, now);
        else outbox.reschedule(id, now, outcome.reason, true);
        logger.info({ chat_id: chatId, new_chat_id: outcome.newChatId }, 'jobs/deliver-outbox: chat migrated, resending');
        return;
      case 'thread_gone':
        // The forum topic the digests went to was deleted or closed: the chat itself (General) gets
        // them from now on, this one included, rather than none. Sent there already (a closed
        // General topic), it is refused like any message.
        if (message.payload.options?.['message_thread_id'] === undefined) {
          outbox.markDead(id, outcome.reason, now);
          logger.warn({ outbox_id: id, chat_id: chatId, error: outcome.reason }, 'jobs/deliver-outbox: message refused');
          return;
        }
        outbox.leaveThread(chatId);
        if (chats.find(chatId)?.threadId !== null) chats.update(chatId, { threadId: null }, now);
        outbox.reschedule(id, now, outcome.reason, true);
        logger.info({ chat_id: chatId, error: outcome.reason }, 'jobs/deliver-outbox: forum topic gone, sending to the chat itself');
        return;
      case 'rejected':
        outbox.markDead(id, outcome.reason, now);
        logger.warn({ outbox_id: id, chat_id: chatId, error: outcome.reason }, 'jobs/deliver-outbox: message refused');
        return;
    }
  };
}
