import type { BotCommand, CommandContext } from '../src/bot/command.js';
import { isChannelRef } from '../src/bot/channel-ref.js';
import { awaitsDigest, dueDigests } from '../src/core/digest-schedule.js';
import { addDays, instantOfLocal, localDateOf } from '../src/core/local-time.js';
import type { Subscriber } from '../src/core/types.js';
import { followedFeedIds, labelGone } from '../src/core/following.js';
import { settingsView } from '../src/bot/views.js';
import { formatDateTime } from '../src/i18n/index.js';
import { statusOfChannel } from './status-channel.js';

/** /status: what the chat follows, its next digest in its own time, and its last delivery. */
export const statusCommand: BotCommand = {
  name: 'status',
  scope: 'everyone',
  async run(c) {
    if (isChannelRef(c.args[0])) return statusOfChannel(c, c.args[0]);
    await c.reply(statusText(c, c.chat));
  },
};

/** The status of `chat` (this one, or a channel it subscribed) in the words of `c`, times in the chat's zone. */
export function statusText(c: CommandContext, chat: Subscriber): string {
  const next = nextDigestOf(chat, c.now, c.deps.digestCatchUpHours);
  const last = c.deps.subscribers.lastDeliveryAt(chat.chatId);
  const when = (at: number) => formatDateTime(at, chat.timezone, c.language);
  const nextView = next === null ? null : { at: when(next.at), dueNow: next.dueNow };
  const { gone } = followedFeedIds(chat, c.feeds);
  const shown = { ...chat, language: c.language };
  return c.msg.status(settingsView(shown, c.feeds, c.topicNames), nextView, last === null ? null : when(last), chat.active, labelGone(shown, gone, c.topicNames));
}

/**
 * The line a changed /time or /timezone ends with: when the next digest comes, in `chat`'s zone
 * and the reply's language. Empty when none comes (digests off, stopped, or nothing followed:
 * /time says that in its own words).
 */
export function nextDigestNote(c: CommandContext, chat: Subscriber): string {
  const next = nextDigestOf(chat, c.now, c.deps.digestCatchUpHours);
  if (next === null || !chat.active || followedFeedIds(chat, c.feeds).followsNothing) return '';
  return `\n${c.msg.nextDigest({ at: formatDateTime(next.at, chat.timezone, c.language), dueNow: next.dueNow })}`;
}

/** The chat's next digest: when it comes, or when it was due if the scheduler is about to send it. */
export interface NextDigest {
  readonly at: number;
  readonly dueNow: boolean;
}

type ScheduleOfChat = Pick<Subscriber, 'chatId' | 'digestTime' | 'timezone' | 'lastDigestDate' | 'lastDigestAt' | 'followingSince'>;

/**
 * What /status says of the next digest. A digest already due but still within the catch-up
 * window (after a move west, or /time set a little before now on a day without one) goes out at
 * the next minute tick, so it is due now, not tomorrow: decided by the scheduler's own dueDigests
 * with the configured window, so the two cannot disagree. Null when digests are off.
 */
export function nextDigestOf(chat: ScheduleOfChat, now: number, catchUpHours: number): NextDigest | null {
  const [due] = dueDigests([chat], now, { catchUpHours });
  if (due !== undefined) return { at: due.dueAt, dueNow: true };
  const at = nextDigestAt(chat, now);
  return at === null ? null : { at, dueNow: false };
}

/**
 * When the chat's next digest is due: the next time its digest time comes round on a date that
 * still awaits its digest, by the scheduler's own rule (awaitsDigest). So a chat whose digest for
 * today already went out is shown tomorrow's, and one that just moved west is shown its digest
 * time on that same date in its new zone. Null when digests are off.
 */
export function nextDigestAt(chat: Pick<Subscriber, 'digestTime' | 'timezone' | 'lastDigestDate' | 'lastDigestAt'>, now: number): number | null {
  const { digestTime, timezone } = chat;
  if (digestTime === null) return null;
  // Ends: a date later than the last digest's always awaits one.
  for (let date = localDateOf(now, timezone); ; date = addDays(date, 1)) {
    const at = instantOfLocal(date, digestTime, timezone);
    if (at > now && awaitsDigest(chat, date, timezone)) return at;
  }
}
