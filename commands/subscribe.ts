import type { BotCommand, CallbackContext } from '../src/bot/command.js';
import { isChannelRef } from '../src/bot/channel-ref.js';
import { availableTopics } from '../src/core/following.js';
import { namesNothing, offeredNames, resolveSubscriptions, retryWithClosest, shownItems } from '../src/bot/subscription-feeds.js';
import { TOGGLE_PREFIX, feedIdTag, settingsView, toggleKeyboard, togglePage } from '../src/bot/views.js';
import type { Subscription } from '../src/store/subscriber-repository.js';
import { nextDigestNote } from './status.js';
import { subscribeChannel } from './subscribe-channel.js';

/**
 * /subscribe [topic|feed ...]: with words, follows them at once; with `@channel` first, subscribes
 * that channel; without words, an inline keyboard whose buttons toggle and redraw it in place.
 */
export const subscribeCommand: BotCommand = {
  name: 'subscribe',
  scope: 'settings',
  viewWithoutArgs: true,
  channelArgument: true,
  callbackPrefix: TOGGLE_PREFIX,
  callbackScope: 'settings',
  // A member who asked for the keyboard (viewWithoutArgs) must be able to see all of it, and put it away.
  isViewPress: (data) => data[0] === 'p' || data[0] === 'done',
  async run(c) {
    if (isChannelRef(c.args[0])) return subscribeChannel(c, c.args[0], c.args.slice(1));
    if (namesNothing(c.args)) return c.reply(c.msg.subscribeKeyboardTitle, toggleKeyboard(c.chat, c.feeds, c.topicNames));
    const { items, unknown } = resolveSubscriptions(c.args, c.feeds, c.topicNames);
    const lines: string[] = [];
    if (items.length > 0) {
      const chat = c.deps.subscribers.subscribe(c.chat.chatId, items, c.now);
      // The first thing followed starts the digests: say when the first one comes (tomorrow's when today's time has passed).
      const first = c.chat.followingSince === null && chat !== null ? nextDigestNote(c, chat) : '';
      lines.push(c.msg.subscribed(shownItems(items, c.chat.language, c.topicNames, c.feeds)) + first);
    }
    if (unknown.length > 0) lines.push(c.msg.unknownItems(unknown, retryWithClosest('subscribe', unknown, offeredNames(c.feeds, c.topicNames))));
    await c.reply(lines.join('\n'));
  },
  async onCallback(c) {
    if (c.data[0] === 'done') {
      const { topics, feeds } = settingsView(c.chat, c.feeds, c.topicNames);
      return c.edit(c.msg.keyboardDone(topics, feeds));
    }
    if (c.data[0] === 'p') return c.edit(c.msg.subscribeKeyboardTitle, toggleKeyboard(c.chat, c.feeds, c.topicNames, Number(c.data[1]) || 0));
    const item = toggledItem(c);
    // A button of a keyboard drawn before feeds.json was reloaded: show the current one instead.
    if (item === null) return c.data[0] === 'i' ? c.edit(c.msg.subscribeKeyboardTitle, toggleKeyboard(c.chat, c.feeds, c.topicNames)) : undefined;
    // Redrawn on the page the button was on, found before the toggle (an unfollowed gone feed leaves the list).
    const page = togglePage(c.chat, c.feeds, [TOGGLE_PREFIX, ...c.data].join(':'), c.topicNames);
    const followed = item.kind === 'topic' ? c.chat.topics.includes(item.value) : c.chat.feeds.includes(item.value);
    const chat = followed
      ? c.deps.subscribers.unsubscribe(c.chat.chatId, [item], c.now)
      : c.deps.subscribers.subscribe(c.chat.chatId, [item], c.now);
    if (chat) await c.edit(c.msg.subscribeKeyboardTitle, toggleKeyboard(chat, c.feeds, c.topicNames, page));
  },
};

function toggledItem(c: CallbackContext): Subscription | null {
  const [kind, value] = c.data;
  if (value === undefined) return null;
  // Callback data can be forged by a client: accept only topics and feeds that exist, or that the
  // chat follows (feeds.json may have dropped them since; the button then unfollows them).
  if (kind === 't') return availableTopics(c.feeds).includes(value) || c.chat.topics.includes(value) ? { kind: 'topic', value } : null;
  if (kind === 'f') return c.feeds.some((feed) => feed.id === value) || c.chat.feeds.includes(value) ? { kind: 'feed', value } : null;
  // A button too small for the id: its index, checked against the id's tag (a reload may have moved the feeds).
  const feed = kind === 'i' ? c.feeds[Number(value)] : undefined;
  return feed && feedIdTag(feed.id) === c.data[2] ? { kind: 'feed', value: feed.id } : null;
}
