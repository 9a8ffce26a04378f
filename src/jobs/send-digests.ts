import { earliestWindowStart } from '../core/digest.js';
import { dueDigests, type DueDigest } from '../core/digest-schedule.js';
import { followedFeedIds } from '../core/following.js';
import type { TopicNames } from '../core/topic-names.js';
import type { FeedSpec, Subscriber } from '../core/types.js';
import type { Logger } from '../log.js';
import type { ArticleRepository } from '../store/article-repository.js';
import type { DigestRun, OutboxRepository } from '../store/outbox-repository.js';
import type { SubscriberRepository } from '../store/subscriber-repository.js';
import type { renderDigest } from '../telegram/render-digest.js';
import {
  createDigestMaker, digestArticleSeqs, digestMessages, goneNotice, goneNoticePrefix, listDigestCandidates, receivedByChat, type DigestOptions,
} from './digest-parts.js';
import { nextTurn } from './next-turn.js';

export interface SendDigestsDeps {
  readonly subscribers: Pick<SubscriberRepository, 'listDigestSchedules' | 'find' | 'receivedCopies'>;
  readonly articles: Pick<ArticleRepository, 'listBriefingsSince'>;
  readonly outbox: OutboxRepository;
  readonly catalog: readonly FeedSpec[];
  /** What readers call the topics, for the section headings (default: ids, capitalised). */
  readonly topicNames?: TopicNames | undefined;
  readonly options: DigestOptions & { readonly catchUpHours: number };
  /** Renders a digest into messages (default renderDigest); tests count the calls. */
  readonly render?: typeof renderDigest;
  /** Told after new digests were written, so delivery starts at once. */
  readonly worker?: { wake(): void };
  readonly logger: Logger;
}

/**
 * What one tick did: digests written, quiet-day lines, chats told that all they follow is gone,
 * chats that already had theirs, per-chat failures.
 */
export interface SendDigestsReport {
  readonly due: number;
  readonly done: number;
  readonly quiet: number;
  readonly gone: number;
  readonly alreadySent: number;
  readonly failed: readonly { readonly chatId: number; readonly error: string }[];
}

/** Chats per transaction: one commit each made the popular minute slow (see commitDigests). */
const CHATS_PER_COMMIT = 100;

/** Shutdown and the bot's turns between groups of chats; both optional. */
export interface SendDigestsOptions {
  /** Stop between groups (the rest are due again after a restart, within the catch-up window). */
  readonly signal?: AbortSignal;
  /** Lets the bot answer between groups; the default waits for the event loop's next turn. */
  readonly yieldToOthers?: () => Promise<void>;
}

/**
 * The minute tick: finds the chats whose digest is due at `now`, builds their digests, and writes
 * them into the outbox, each chat's parts with its digest_runs row (so a crash or a restart at the
 * digest minute can never produce a second digest for that chat, date and zone), a group of chats per
 * transaction with a turn for the bot between groups; the delivery worker starts on each group at
 * once. A failure for one chat is recorded and the tick goes on.
 */
export async function sendDueDigests(deps: SendDigestsDeps, now: number, options: SendDigestsOptions = {}): Promise<SendDigestsReport> {
  const { logger } = deps;
  // Every minute: only the schedules; whole chats are read for the few that are due.
  const schedules = deps.subscribers.listDigestSchedules();
  const due = dueDigests(schedules, now, { catchUpHours: deps.options.catchUpHours });
  if (due.length === 0) return { due: 0, done: 0, quiet: 0, gone: 0, alreadySent: 0, failed: [] };
  const byId = new Map(schedules.map((schedule) => [schedule.chatId, schedule]));
  const since = earliestWindowStart(due.map((entry) => byId.get(entry.chatId)?.lastDigestAt ?? null), now);
  const candidates = listDigestCandidates(deps.articles, since);
  // One query for all due chats, not one per chat: which candidates' links each had already under
  // another article (yesterday's copy from another feed), so its digest leaves them out.
  const received = receivedByChat(deps.subscribers.receivedCopies(due.map((entry) => entry.chatId), candidates.map((briefing) => briefing.articleSeq)));
  const makeAll = createDigestMaker(candidates, { feeds: deps.catalog, topicNames: deps.topicNames }, deps.options, now, deps.render);
  const make: DigestMaker = (chat, localDate) => makeAll(chat, localDate, received.get(chat.chatId));
  const tally: Tally = { done: 0, quiet: 0, gone: 0, alreadySent: 0, failed: [] };
  // The bot answers commands between groups: a chat whose /time or /timezone changed since the
  // schedules were read, or that stopped following everything, gets the digest its settings now
  // make due, not the one read (/time off at the popular minute had its digest sent anyway).
  // Unchanged settings need no second look.
  const stillDue = (chat: Subscriber, entry: DueDigest): boolean => {
    const read = byId.get(chat.chatId);
    if (read !== undefined && read.digestTime === chat.digestTime && read.timezone === chat.timezone && read.followingSince === chat.followingSince) return true;
    const [again] = dueDigests([chat], now, { catchUpHours: deps.options.catchUpHours });
    return again?.localDate === entry.localDate && again.timezone === entry.timezone;
  };
  for (let start = 0; start < due.length; start += CHATS_PER_COMMIT) {
    if (start > 0) {
      await (options.yieldToOthers ?? nextTurn)();
      if (options.signal?.aborted === true) break;
    }
    commitGroup(deps, make, stillDue, due.slice(start, start + CHATS_PER_COMMIT), now, tally);
    if (tally.done + tally.quiet + tally.gone > 0) deps.worker?.wake();
  }
  const stopped = options.signal?.aborted === true;
  logger.info({ due: due.length, done: tally.done, quiet: tally.quiet, gone: tally.gone, already_sent: tally.alreadySent, failed: tally.failed.length },
    stopped ? 'jobs/send-digests: tick stopped by shutdown; the rest are due again after a restart' : 'jobs/send-digests: tick');
  return { due: due.length, ...tally };
}

type DigestMaker = (chat: Subscriber, localDate: string) => ReturnType<ReturnType<typeof createDigestMaker>>;
interface Tally { done: number; quiet: number; gone: number; alreadySent: number; failed: { chatId: number; error: string }[] }
type Outcome = 'digest' | 'quiet' | 'gone';

/** Builds the group's digests (a chat whose build fails is recorded and left out) and commits them together. */
function commitGroup(deps: SendDigestsDeps, make: DigestMaker, stillDue: (chat: Subscriber, entry: DueDigest) => boolean, group: readonly DueDigest[], now: number, tally: Tally): void {
  const built: { run: DigestRun; outcome: Outcome }[] = [];
  for (const entry of group) {
    const chat = deps.subscribers.find(entry.chatId);
    // Stopped, removed or rescheduled in the moment since the schedules were read: nothing to send now.
    if (chat === null || !chat.active || !stillDue(chat, entry)) continue;
    try {
      // A chat that follows nothing is never due (dueDigests), so "a quiet day" never reaches one that never chose what to follow.
      const { ids, gone } = followedFeedIds(chat, deps.catalog);
      if (ids.length === 0 && gone.length > 0) {
        // Everything it follows left feeds.json: say so (once) instead of going silent.
        const run = { chatId: chat.chatId, localDate: entry.localDate, timezone: entry.timezone, messages: [goneNotice(chat, gone, deps.topicNames)], articleSeqs: [] };
        built.push({ run, outcome: 'gone' });
        continue;
      }
      const { digest, parts } = make(chat, entry.localDate);
      // It follows feeds that are offered again: a gone notice it was given is retired.
      const run = {
        chatId: chat.chatId, localDate: entry.localDate, timezone: entry.timezone, messages: digestMessages(chat.chatId, entry.localDate, entry.timezone, parts, chat.threadId),
        articleSeqs: digestArticleSeqs(digest), retiresOnceKeys: goneNoticePrefix(chat.chatId),
      };
      built.push({ run, outcome: parts.length === 0 || digest?.quiet === true ? 'quiet' : 'digest' });
    } catch (error) {
      fail(deps, tally, chat.chatId, error, 'building a digest failed');
    }
  }
  try {
    deps.outbox.commitDigests(built.map((b) => b.run), now).forEach((written, i) => {
      const outcome = built[i]?.outcome;
      if (!written) tally.alreadySent += 1;
      else if (outcome === 'gone') tally.gone += 1;
      else if (outcome === 'quiet') tally.quiet += 1;
      else tally.done += 1;
    });
  } catch (error) {
    // Nothing of the group was written, so no claim either: the next tick finds them due again.
    for (const { run } of built) fail(deps, tally, run.chatId, error, 'writing a digest failed');
  }
}

function fail(deps: SendDigestsDeps, tally: Tally, chatId: number, error: unknown, what: string): void {
  tally.failed.push({ chatId, error: error instanceof Error ? error.message : String(error) });
  deps.logger.error({ err: error, chat_id: chatId }, `jobs/send-digests: ${what}`);
}
