import type { BotCommand } from '../src/bot/command.js';
import { followedFeedIds, labelGone } from '../src/core/following.js';

/**
 * /digest: the chat's digest now, built and rendered exactly as the daily one (delivery engine
 * port); a chat that follows nothing, or only what feeds.json no longer offers, is told so
 * rather than given an empty digest. Its articles count as received only after Telegram
 * accepted every part: a failed send records nothing, so /latest offers them again rather than
 * losing them.
 */
export const digestCommand: BotCommand = {
  name: 'digest',
  scope: 'everyone',
  async run(c) {
    const digestNow = c.deps.digestNow;
    if (!digestNow) return c.reply(c.msg.digestUnavailable);
    const { ids, followsNothing, gone } = followedFeedIds(c.chat, c.feeds);
    if (followsNothing) return c.reply(c.msg.digestFollowsNothing);
    if (ids.length === 0 && gone.length > 0) return c.reply(c.msg.followsOnlyGone(labelGone(c.chat, gone, c.topicNames)));
    await c.exclusive(async (turn) => {
      const digest = await digestNow(c.chat, c.now);
      if (digest === null || digest.parts.length === 0) return c.reply(c.msg.digestEmpty);
      // A /latest that overtakes this digest, should it hang, leaves its articles alone.
      turn.hold(digest.articleSeqs);
      for (const part of digest.parts) await c.reply(part);
      await c.recordDelivered(digest.articleSeqs, 'digest');
    });
  },
};
