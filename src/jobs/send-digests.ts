import { earliestWindowStart } from '../core/digest.js';
import { dueDigests } from '../core/digest-schedule.js';
import type { FeedSpec } from '../core/types.js';
import type { Logger } from '../log.js';
import type { ArticleRepository } from '../store/article-repository.js';
import type { OutboxRepository } from '../store/outbox-repository.js';
import type { SubscriberRepository } from '../store/subscriber-repository.js';
import type { renderDigest } from '../telegram/render-digest.js';
import { createDigestMaker, digestArticleSeqs, digestMessages, listDigestCandidates, type DigestOptions } from './digest-parts.js';

export interface SendDigestsDeps {
  readonly subscribers: Pick<SubscriberRepository, 'listDigestSchedules' | 'find'>;
  readonly articles: Pick<ArticleRepository, 'listBriefingsSince'>;
  readonly outbox: OutboxRepository;
  readonly catalog: readonly FeedSpec[];
  readonly options: DigestOptions & { readonly catchUpHours: number };
  /** Renders a digest into messages (default renderDigest); tests count the calls. */
  readonly render?: typeof renderDigest;
  /** Told after new digests were written, so delivery starts at once. */
  readonly worker?: { wake(): void };
  readonly logger: Logger;
}

/** What one tick did: digests written, chats that already had theirs, per-chat failures. */
export interface SendDigestsReport {
  readonly due: number;
  readonly done: number;
  readonly quiet: number;
  readonly alreadySent: number;
  readonly failed: readonly { readonly chatId: number; readonly error: string }[];
}

/**
 * The minute tick: finds the chats whose digest is due at `now`, builds their digests, and writes
 * each chat's parts into the outbox in ONE transaction with its digest_runs row (so a crash or a
 * restart at the digest minute can never produce a second digest for that chat and date). The
 * delivery worker sends them. A failure for one chat is recorded and the tick goes on.
 */
export function sendDueDigests(deps: SendDigestsDeps, now: number): SendDigestsReport {
  const { outbox, logger } = deps;
  // Every minute: only the schedules; whole chats are read for the few that are due.
  const schedules = deps.subscribers.listDigestSchedules();
  const due = dueDigests(schedules, now, { catchUpHours: deps.options.catchUpHours });
  if (due.length === 0) return { due: 0, done: 0, quiet: 0, alreadySent: 0, failed: [] };
  const byId = new Map(schedules.map((schedule) => [schedule.chatId, schedule]));
  const since = earliestWindowStart(due.map((entry) => byId.get(entry.chatId)?.lastDigestAt ?? null), now);
  const briefings = listDigestCandidates(deps.articles, since);
  const make = createDigestMaker(briefings, deps.catalog, deps.options, now, deps.render);
  let done = 0;
  let quiet = 0;
  let alreadySent = 0;
  const failed: { chatId: number; error: string }[] = [];
  for (const entry of due) {
    const chat = deps.subscribers.find(entry.chatId);
    // Stopped or removed in the moment since the schedules were read: nothing to send.
    if (chat === null || !chat.active) continue;
    try {
      const { digest, parts } = make(chat, entry.localDate);
      const written = outbox.commitDigest(
        { chatId: chat.chatId, localDate: entry.localDate, messages: digestMessages(chat.chatId, entry.localDate, parts), articleSeqs: digestArticleSeqs(digest) },
        now,
      );
      if (!written) alreadySent += 1;
      else if (parts.length === 0 || digest?.quiet) quiet += 1;
      else done += 1;
    } catch (error) {
      failed.push({ chatId: chat.chatId, error: error instanceof Error ? error.message : String(error) });
      logger.error({ err: error, chat_id: chat.chatId }, 'jobs/send-digests: building or writing a digest failed');
    }
  }
  if (done + quiet > 0) deps.worker?.wake();
  logger.info({ due: due.length, done, quiet, already_sent: alreadySent, failed: failed.length }, 'jobs/send-digests: tick');
  return { due: due.length, done, quiet, alreadySent, failed };
}
