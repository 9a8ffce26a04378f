import type { BotCommand } from '../src/bot/command.js';
import { awaitsDigest } from '../src/core/digest-schedule.js';
import { addDays, instantOfLocal, localDateOf } from '../src/core/local-time.js';
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
