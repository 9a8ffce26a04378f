import type { BotCommand } from '../src/bot/command.js';
import type { FeedState } from '../src/core/types.js';
import type { FeedHealthLabel } from '../src/i18n/index.js';
import { availableTopics } from '../src/core/following.js';
import { inNameOrder, topicLabel } from '../src/core/topic-names.js';
import { lastPollFailed } from '../src/core/poll-timing.js';
import { resolveSubscriptions } from '../src/bot/subscription-feeds.js';
import { splitMessage } from '../src/telegram/split-message.js';

/**
 * /feeds [topic ...]: the configured feeds grouped by topic (in the order of the topics' names),
 * each with its health from the poller; only the topics named, when words name any (as /subscribe
 * reads them), since a reader who asks for `/feeds tech` wants those, not the whole list.
 */
export const feedsCommand: BotCommand = {
  name: 'feeds',
  scope: 'everyone',
  async run(c) {
    const enabled = c.feeds.filter((feed) => feed.enabled);
    if (enabled.length === 0) return c.reply(c.msg.feedsEmpty);
    const states = c.deps.feedHealth ? new Map(c.deps.feedHealth().map((state) => [state.feedId, state])) : null;
    const named = resolveSubscriptions(c.args, enabled, c.topicNames).items.flatMap((item) => (item.kind === 'topic' ? [item.value] : []));
    const items = [c.msg.feedsHeader];
    for (const topic of inNameOrder(named.length > 0 ? named : availableTopics(enabled), c.chat.language, c.topicNames)) {
      const lines = enabled
        .filter((feed) => feed.topics.includes(topic))
        .map((feed) => c.msg.feedLine(feed.title, feed.id, health(states, feed.id), feed.language));
      items.push([c.msg.feedsTopic(topicLabel(topic, c.chat.language, c.topicNames)), ...lines].join('\n'));
    }
    for (const part of splitMessage(items, undefined, '\n')) await c.reply(part);
  },
};

function health(states: ReadonlyMap<string, FeedState> | null, feedId: string): FeedHealthLabel {
  if (states === null) return 'unknown';
  const state = states.get(feedId);
  if (state === undefined || state.lastPolledAt === null) return 'new';
  return lastPollFailed(state) ? 'failing' : 'ok';
}
