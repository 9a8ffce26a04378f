import type { BotCommand } from '../src/bot/command.js';
import { lastPollFailed } from '../src/core/poll-timing.js';
import { timezoneLabel } from '../src/telegram/timezone-label.js';

/**
 * /stats (admins): subscribers, feeds, articles, the feeds whose last poll failed (as /feeds marks
 * them; those past the failure threshold, polled rarely, named apart) and, when wired, the outbox
 * (what was sent since midnight in the asking chat's zone).
 */
export const statsCommand: BotCommand = {
  name: 'stats',
  scope: 'bot-admin',
  async run(c) {
    const subscribers = c.deps.subscribers.stats();
    const enabled = new Set(c.feeds.filter((feed) => feed.enabled).map((feed) => feed.id));
    const failingNow = (c.deps.feedHealth?.() ?? []).filter((state) => enabled.has(state.feedId) && lastPollFailed(state));
    // The delivery engine serves every zone; "today" is the day of the one who asks, named in the answer.
    const outbox = c.deps.outboxStats?.(c.now, c.chat.timezone) ?? null;
    await c.reply(
      c.msg.stats({
        subscribers: subscribers.total,
        activeSubscribers: subscribers.active,
        feeds: enabled.size,
        failingFeeds: failingNow.map((state) => state.feedId),
        rarelyPolledFeeds: failingNow.filter((state) => state.failing).map((state) => state.feedId),
        articles: c.deps.articleCount?.() ?? null,
        outbox: outbox === null ? null : { ...outbox, sentTodayZone: timezoneLabel(c.chat.timezone) },
      }),
    );
  },
};
