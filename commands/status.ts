import type { BotCommand } from '../src/bot/command.js';
import { addDays, instantOfLocal, localDateOf, nextLocalTime } from '../src/core/local-time.js';
import type { Subscriber } from '../src/core/types.js';
import { followedFeedIds, labelGone } from '../src/core/following.js';
import { settingsView } from '../src/bot/views.js';
import { formatDateTime } from '../src/i18n/index.js';

/** /status: what the chat follows, its next digest in its own time, and its last delivery. */
export const statusCommand: BotCommand = {
  name: 'status',
  scope: 'everyone',
  async run(c) {
    const { chat } = c;
    const next = nextDigestAt(chat, c.now);
    const last = c.deps.subscribers.lastDeliveryAt(chat.chatId);
    const when = (at: number | null) => (at === null ? null : formatDateTime(at, chat.timezone, chat.language));
    const { gone } = followedFeedIds(chat, c.feeds);
    await c.reply(c.msg.status(settingsView(chat, c.topicNames), when(next), when(last), chat.active, labelGone(chat, gone, c.topicNames)));
  },
};

/**
 * When the chat's next digest is due: the next time its digest time comes round, except that a
 * chat whose digest for today (its local date) already went out gets tomorrow's, as the scheduler
 * never sends two digests for one local date. Null when digests are off.
 */
export function nextDigestAt(chat: Pick<Subscriber, 'digestTime' | 'timezone' | 'lastDigestDate'>, now: number): number | null {
  if (chat.digestTime === null) return null;
  const today = localDateOf(now, chat.timezone);
  if (chat.lastDigestDate !== null && chat.lastDigestDate >= today) {
    return instantOfLocal(addDays(chat.lastDigestDate, 1), chat.digestTime, chat.timezone);
  }
  return nextLocalTime(chat.digestTime, chat.timezone, now);
}
