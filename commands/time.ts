import type { BotCommand } from '../src/bot/command.js';
import { isChannelRef } from '../src/bot/channel-ref.js';
import { followedFeedIds } from '../src/core/following.js';
import { formatTimeOfDay } from '../src/i18n/index.js';
import { parseDigestTime } from '../src/telegram/time-input.js';
import { timezoneLabel } from '../src/telegram/timezone-label.js';
import { runOnChannel } from './channel-target.js';
import { nextDigestNote } from './status.js';

/** /time HH:MM | off: when the daily digest arrives, in the chat's own time zone. */
export const timeCommand: BotCommand = {
  name: 'time',
  scope: 'settings',
  viewWithoutArgs: true,
  channelArgument: true,
  async run(c) {
    if (isChannelRef(c.args[0])) return runOnChannel(c, timeCommand, c.args[0]);
    // A time alone brings no digest to a chat that follows nothing (a new one, or one that chose /stop).
    const unfollowed = followedFeedIds(c.chat, c.feeds).followsNothing ? `\n${c.msg.timeFollowsNothing}` : '';
    if (c.args.length === 0) {
      const time = c.chat.digestTime === null ? null : formatTimeOfDay(c.chat.digestTime, c.language);
      return c.reply(c.msg.timeCurrent(time, timezoneLabel(c.chat.timezone)) + (time === null ? '' : unfollowed));
    }
    const input = parseDigestTime(c.args.join(' '));
    if (!input.ok) return c.reply(c.msg.timeBad);
    // The time they had, as one to copy (Telegram would send a tapped `/time` alone); the default when they had none.
    const turnBackOn = `/time ${c.chat.digestTime ?? c.deps.defaults.digestTime}`;
    const chat = c.deps.subscribers.update(c.chat.chatId, { digestTime: input.time }, c.now) ?? { ...c.chat, digestTime: input.time };
    if (input.time === null) return c.reply(c.msg.timeOff(turnBackOn));
    await c.reply(c.msg.timeSet(formatTimeOfDay(input.time, c.language), timezoneLabel(chat.timezone)) + (unfollowed || nextDigestNote(c, chat)));
  },
};
