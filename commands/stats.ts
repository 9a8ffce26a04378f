import type { BotCommand } from '../src/bot/command.js';

/** /stats (admins): subscribers, feeds, articles, failing feeds and, when wired, the outbox. */
export const statsCommand: BotCommand = {
  name: 'stats',
  scope: 'bot-admin',
  async run(c) {
    const subscribers = c.deps.subscribers.stats();
    const failing = (c.deps.feedHealth?.() ?? []).filter((state) => state.failing).map((state) => state.feedId);
    await c.reply(
      c.msg.stats({
        subscribers: subscribers.total,
        activeSubscribers: subscribers.active,
        feeds: c.feeds.filter((feed) => feed.enabled).length,
        failingFeeds: failing,
        articles: c.deps.articleCount?.() ?? null,
        outbox: c.deps.outboxStats?.() ?? null,
      }),
    );
  },
};
