import type { BotCommand } from '../src/bot/command.js';
import { lastPollFailed } from '../src/core/poll-timing.js';

/**
 * /stats (admins): subscribers, feeds, articles, the feeds whose last poll failed (as /feeds marks
 * them; those past the failure threshold, polled rarely, named apart) and, when wired, the outbox.
 */
export const statsCommand: BotCommand = {
  name: 'stats',
  scope: 'bot-admin',
  async run(c) {
    const subscribers = c.deps.subscribers.stats();
    const enabled = new Set(c.feeds.filter((feed) => feed.enabled).map((feed) => feed.id));
    const failingNow = (c.deps.feedHealth?.() ?? []).filter((state) => enabled.has(state.feedId) && lastPollFailed(state));
    await c.reply(
      c.msg.stats({
        subscribers: subscribers.total,
        activeSubscribers: subscribers.active,
        feeds: enabled.size,
        failingFeeds: failingNow.map((state) => state.feedId),
        rarelyPolledFeeds: failingNow.filter((state) => state.failing).map((state) => state.feedId),
        articles: c.deps.articleCount?.() ?? null,
        outbox: c.deps.outboxStats?.() ?? null,
      }),
    );
  },
};
