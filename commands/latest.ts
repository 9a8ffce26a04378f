import type { BotCommand, CommandContext } from '../src/bot/command.js';
import { followedFeedIds } from '../src/bot/subscription-feeds.js';
import type { DeliverableBriefing } from '../src/store/subscriber-repository.js';
import { renderBriefings } from '../src/telegram/render-briefing.js';
import { splitMessage } from '../src/telegram/split-message.js';

const DEFAULT_COUNT = 5;
const MAX_COUNT = 20;

/**
 * /latest [n]: the newest n (default 5, at most 20) briefings of the chat's feeds it has not
 * received, recorded as received in the same transaction. When nothing is new it says so and
 * offers a button that shows the most recent ones again.
 */
export const latestCommand: BotCommand = {
  name: 'latest',
  scope: 'everyone',
  callbackPrefix: 'latest',
  async run(c) {
    const count = c.args[0] === undefined ? DEFAULT_COUNT : Number(c.args[0]);
    if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) return c.reply(c.msg.latestBadCount);
    const { ids, followsNothing } = followedFeedIds(c.chat, c.deps.feeds);
    const briefings = c.deps.subscribers.takeUnseenBriefings(c.chat.chatId, ids, count, c.now);
    if (briefings.length > 0) {
      return send(c, c.msg.latestHeader(briefings.length), briefings, followsNothing ? c.msg.latestAllFeedsHint : null);
    }
    if (c.deps.subscribers.recentBriefings(ids, 1).length === 0) return c.reply(c.msg.latestNothingAtAll);
    await c.reply(c.msg.latestNothingNew, [[{ text: c.msg.latestRecentButton(count), data: `latest:recent:${count}` }]]);
  },
  async onCallback(c) {
    const count = Number(c.data[1]);
    if (c.data[0] !== 'recent' || !Number.isInteger(count) || count < 1 || count > MAX_COUNT) return;
    const { ids } = followedFeedIds(c.chat, c.deps.feeds);
    await c.edit(c.msg.latestNothingNew);
    await send(c, c.msg.latestRecentHeader, c.deps.subscribers.recentBriefings(ids, count), null);
  },
};

async function send(c: CommandContext, header: string, briefings: readonly DeliverableBriefing[], footer: string | null) {
  const titles = new Map(c.deps.feeds.map((feed) => [feed.id, feed.title]));
  const items = [header, ...renderBriefings(briefings, titles), ...(footer === null ? [] : [footer])];
  for (const part of splitMessage(items)) await c.reply(part);
}
