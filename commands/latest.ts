import type { BotCommand, CommandContext } from '../src/bot/command.js';
import { offeredNames, resolveSubscriptions, retryWithClosest } from '../src/bot/subscription-feeds.js';
import { feedIdsOf, followedFeedIds } from '../src/core/following.js';
import { pickLatestStories, type LatestStory } from '../src/core/latest-stories.js';
import type { FeedSpec, Subscriber } from '../src/core/types.js';
import type { DeliverableBriefing } from '../src/store/subscriber-repository.js';
import { renderBriefings } from '../src/telegram/render-briefing.js';
import { packMessages } from '../src/telegram/split-message.js';

const DEFAULT_COUNT = 5;
const MAX_COUNT = 20;
/**
 * Briefings read per story shown, to find the copies other feeds carry of those stories: copies
 * are briefed within a poll of each other, so they sit close by in the newest-first list. Reading
 * further would catch copies further apart, but every row read and grouped costs each /latest
 * (bench:bot: 100 more rows made a reply's CPU time about six times as long; twice as many, 1.1).
 */
const READ_PER_STORY = 2;

/**
 * /latest [n]: the newest n (default 5, at most 20: a larger n gets 20, and the header says so)
 * briefings of the chat's feeds it has not received. Each message's briefings are recorded as
 * received only once Telegram accepted that message, so a failed send offers them again; the
 * chat's queue keeps two /latest apart so they never pick the same ones. A story several feeds
 * carry is shown once (the digest's rule) and every copy of it is recorded with it, so no copy
 * comes back later. When nothing is new it says so and offers the most recent ones again.
 * Articles older than the retention period (whose receipts housekeeping cleared) are never new.
 * `/latest tech` (topics or feeds, with or without a count) reads only those, followed or not.
 */
export const latestCommand: BotCommand = {
  name: 'latest',
  scope: 'everyone',
  callbackPrefix: 'latest',
  async run(c) {
    const numbers = c.args.filter(isNumberLike);
    const words = c.args.filter((arg) => !isNumberLike(arg));
    const asked = numbers.length === 0 ? DEFAULT_COUNT : Number(numbers[0]);
    if (numbers.length > 1 || !Number.isInteger(asked) || asked < 1) return c.reply(c.msg.latestBadCount);
    const count = Math.min(asked, MAX_COUNT);
    const cappedAt = asked > MAX_COUNT ? MAX_COUNT : undefined;
    const { items, unknown } = resolveSubscriptions(words, c.feeds, c.topicNames);
    if (unknown.length > 0) return c.reply(c.msg.unknownItems(unknown, retryWithClosest('latest', unknown, offeredNames(c.feeds, c.topicNames))));
    const filter = items.map((item) => item.value);
    const { ids, followsNothing, gone } = feedsToRead(c.chat, c.feeds, filter);
    if (ids.length === 0 && gone.length > 0) return c.reply(c.msg.followsOnlyGone(gone));
    const sentNew = await c.exclusive(async () => {
      const stories = pickLatestStories(c.deps.subscribers.unseenBriefings(c.chat.chatId, ids, count * READ_PER_STORY), count);
      if (stories.length === 0) return false;
      await send(c, c.msg.latestHeader(stories.length, cappedAt), stories, followsNothing ? c.msg.latestAllFeedsHint : null, true);
      return true;
    });
    if (sentNew) return;
    if (c.deps.subscribers.recentBriefings(ids, 1).length === 0) return c.reply(c.msg.latestNothingAtAll);
    const data = [`latest:recent:${count}`, ...(filter.length > 0 ? [filter.join(',')] : [])].join(':');
    // Telegram keeps at most 64 bytes of callback data: a filter too long for it gets no button.
    const button = Buffer.byteLength(data) <= 64 ? [[{ text: c.msg.latestRecentButton(count), data }]] : undefined;
    await c.reply(c.msg.latestNothingNew, button);
  },
  async onCallback(c) {
    const count = Number(c.data[1]);
    if (c.data[0] !== 'recent' || !Number.isInteger(count) || count < 1 || count > MAX_COUNT) return;
    const { ids } = feedsToRead(c.chat, c.feeds, c.data[2]?.split(',').filter(Boolean) ?? []);
    await c.edit(c.msg.latestNothingNew);
    await send(c, c.msg.latestRecentHeader, pickLatestStories(c.deps.subscribers.recentBriefings(ids, count * READ_PER_STORY), count), null, false);
  },
};

/**
 * Sends header, stories and footer in as few messages as fit; `record` marks each message's
 * stories, every copy of each, once it went out.
 */
async function send(c: CommandContext, header: string, stories: readonly LatestStory<DeliverableBriefing>[], footer: string | null, record: boolean) {
  const titles = new Map(c.feeds.map((feed) => [feed.id, feed.title]));
  const items = [header, ...renderBriefings(stories.map((story) => story.briefing), titles), ...(footer === null ? [] : [footer])];
  for (const message of packMessages(items)) {
    await c.reply(message.text);
    if (!record) continue;
    // Item 0 is the header, so item i carries story i - 1.
    const seqs = message.items.flatMap((index) => {
      const story = stories[index - 1];
      return index > 0 && story ? story.sources.map((copy) => copy.articleSeq) : [];
    });
    if (seqs.length > 0) await c.recordDelivered(seqs, 'latest');
  }
}

/** "10", "-3", "1.5": meant as a count (and refused if it is not a whole number from 1 up). */
function isNumberLike(arg: string): boolean {
  return /^[-+]?\d+(?:[.,]\d*)?$/.test(arg);
}

/** The chat's own feeds, or with `filter` (topics and feed ids) the enabled feeds it names. */
function feedsToRead(chat: Subscriber, feeds: readonly FeedSpec[], filter: readonly string[]) {
  if (filter.length === 0) return followedFeedIds(chat, feeds);
  return { ids: feedIdsOf(filter, filter, feeds), followsNothing: false, gone: [] };
}
