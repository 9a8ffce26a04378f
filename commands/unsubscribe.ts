import type { BotCommand } from '../src/bot/command.js';
import { isChannelRef } from '../src/bot/channel-ref.js';
import { followedItems, followedNames, namesNothing, resolveSubscriptions, retryWithClosest, shownItems } from '../src/bot/subscription-feeds.js';
import { toggleKeyboard } from '../src/bot/views.js';
import { unsubscribeChannel } from './unsubscribe-channel.js';

/**
 * /unsubscribe [topic|feed ...]: with words, stops following them; with `@channel` first, acts on
 * that channel (its admins only); without words, the toggle keyboard of /subscribe, under its
 * title: its buttons are /subscribe's (✅ followed, ▫️ not; a tap flips one and redraws it with
 * that title), so a title of its own ("tap what you no longer want") would promise an unfollow
 * list that the first tap replaces.
 */
export const unsubscribeCommand: BotCommand = {
  name: 'unsubscribe',
  scope: 'settings',
  viewWithoutArgs: true,
  channelArgument: true,
  async run(c) {
    if (isChannelRef(c.args[0])) return unsubscribeChannel(c, c.args[0], c.args.slice(1));
    if (namesNothing(c.args)) return c.reply(c.msg.subscribeKeyboardTitle, toggleKeyboard(c.chat, c.feeds, c.topicNames));
    // What the chat follows goes, offered or not (feeds.json may have dropped it since).
    const { items: followed, rest } = followedItems(c.args, c.chat, c.feeds, c.topicNames);
    const { items: notFollowed, unknown } = resolveSubscriptions(rest, c.feeds, c.topicNames);
    const lines: string[] = [];
    if (followed.length > 0) {
      c.deps.subscribers.unsubscribe(c.chat.chatId, followed, c.now);
      lines.push(c.msg.unsubscribed(shownItems(followed, c.chat.language, c.topicNames, c.feeds)));
    }
    if (notFollowed.length > 0) lines.push(c.msg.notFollowed(shownItems(notFollowed, c.chat.language, c.topicNames, c.feeds)));
    // Only "and", or "all" while following nothing.
    if (lines.length === 0 && unknown.length === 0) lines.push(c.msg.nothingChanged);
    if (unknown.length > 0) lines.push(c.msg.unknownItems(unknown, retryWithClosest('unsubscribe', unknown, followedNames(c.chat, c.feeds, c.topicNames))));
    await c.reply(lines.join('\n'));
  },
};

