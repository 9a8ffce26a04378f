import type { BotCommand } from '../src/bot/command.js';
import { readRecentButton, recentButton } from '../src/bot/latest-recent-button.js';
import { sendLatestStories } from '../src/bot/send-latest-stories.js';
import { offeredNames, resolveSubscriptions, retryWithClosest } from '../src/bot/subscription-feeds.js';
import { feedIdsToRead, labelGone } from '../src/core/following.js';
import { readLatestRequest } from '../src/core/latest-request.js';
import { LATEST_READ_PER_STORY, pickLatestStories } from '../src/core/latest-stories.js';

/**
 * /latest [n]: the newest n (default 5, at most 20: a larger n gets 20, and the header says so)
 * briefings of the chat's feeds it has not received. Each message's briefings are recorded as
 * received only once Telegram accepted that message, so a failed send offers them again; the
 * chat's queue keeps two /latest apart so they never pick the same ones, also when the first hangs
 * and the second goes ahead (chat-queue). A story several feeds carry is shown once (the digest's
 * rule) and every copy of it is recorded with it, so no copy comes back later. When nothing is
 * new it says so and offers the most recent ones again.
 * Articles older than the retention period (whose receipts housekeeping cleared) are never new.
 * `/latest tech` (topics or feeds, with or without a count) reads only those, followed or not.
 */
export const latestCommand: BotCommand = {
  name: 'latest',
  scope: 'everyone',
  callbackPrefix: 'latest',
  async run(c) {
    const request = readLatestRequest(c.args);
    if (request === null) return c.reply(c.msg.latestBadCount);
    const { count, cappedAt } = request;
    const { items, unknown } = resolveSubscriptions(request.words, c.feeds, c.topicNames);
    if (unknown.length > 0) return c.reply(c.msg.unknownItems(unknown, retryWithClosest('latest', unknown, offeredNames(c.feeds, c.topicNames))));
    const filter = items.map((item) => item.value);
    const { ids, followsNothing, gone } = feedIdsToRead(c.chat, c.feeds, filter);
    if (ids.length === 0 && gone.length > 0) return c.reply(c.msg.followsOnlyGone(labelGone(c.chat, gone, c.topicNames)));
    const sentNew = await c.exclusive(async (turn) => {
      // Briefings an overrunning /latest or /digest of this chat is still sending are not new here.
      const { sending } = turn;
      const unseen = c.deps.subscribers.unseenBriefings(c.chat.chatId, ids, count * LATEST_READ_PER_STORY + sending.size);
      const stories = pickLatestStories(unseen.filter((briefing) => !sending.has(briefing.articleSeq)), count, c.storyKeys);
      if (stories.length === 0) return false;
      turn.hold(stories.flatMap((story) => story.sources.map((copy) => copy.articleSeq)));
      await sendLatestStories(c, c.msg.latestHeader(stories.length, cappedAt), stories, followsNothing ? c.msg.latestAllFeedsHint : null, true);
      return true;
    });
    if (sentNew) return;
    // The button offers what it will show: "the 3 most recent" of feeds that have 3, not the 5 asked for.
    const recent = pickLatestStories(c.deps.subscribers.recentBriefings(ids, count * LATEST_READ_PER_STORY), count, c.storyKeys).length;
    if (recent === 0) return c.reply(c.msg.latestNothingAtAll);
    await c.reply(c.msg.latestNothingNew, recentButton(c.msg, { count: recent, filter }));
  },
  async onCallback(c) {
    const request = readRecentButton(c.data);
    if (request === null) return;
    const { ids } = feedIdsToRead(c.chat, c.feeds, request.filter);
    await c.edit(c.msg.latestNothingNew);
    const stories = pickLatestStories(c.deps.subscribers.recentBriefings(ids, request.count * LATEST_READ_PER_STORY), request.count, c.storyKeys);
    // A button pressed long after it was drawn: its feeds may have left feeds.json or lost their articles.
    if (stories.length === 0) return c.reply(c.msg.latestNothingAtAll);
    await sendLatestStories(c, c.msg.latestRecentHeader(stories.length), stories, null, false);
  },
};
