import type { BotCommand } from '../src/bot/command.js';
import { defaultTopicsFor } from '../src/bot/subscription-feeds.js';
import { settingsView } from '../src/bot/views.js';
import { topicLabel } from '../src/core/topic-names.js';
import { nextDigestNote } from './status.js';

/**
 * /start: a welcome in the reader's language with a button that follows the default selection.
 * A chat that chose /stop is welcomed back instead: /stop dropped what it followed but kept its
 * language, time zone and digest time, and a first-time welcome would leave those unsaid. A chat
 * that already follows something is told what, and when its digest comes: the first welcome
 * would read as if its choices were gone.
 */
export const startCommand: BotCommand = {
  name: 'start',
  scope: 'everyone',
  callbackPrefix: 'start',
  callbackScope: 'settings',
  async run(c) {
    // Only /stop leaves a chat inactive here: talking to the bot made one that delivery had marked unreachable active again.
    const view = settingsView(c.chat, c.feeds, c.topicNames);
    if (c.chat.active && c.chat.topics.length + c.chat.feeds.length > 0) return c.reply(c.msg.alreadySetUp(c.firstName, view));
    const text = c.chat.active ? c.msg.welcome(c.firstName) : c.msg.welcomeBack(c.firstName, view.timezone, view.digestTime);
    await c.reply(text, [[{ text: c.msg.subscribeDefaultButton, data: 'start:default' }]]);
  },
  async onCallback(c) {
    if (c.data[0] !== 'default') return;
    const topics = defaultTopicsFor(c.chat.language, c.feeds, c.deps.defaultTopics);
    const chat = c.deps.subscribers.subscribe(c.chat.chatId, topics.map((value) => ({ kind: 'topic', value })), c.now);
    // As a first /subscribe does: when the first digest comes.
    const first = c.chat.followingSince === null && chat !== null ? nextDigestNote(c, chat) : '';
    await c.edit(`${c.msg.subscribed(topics.map((topic) => topicLabel(topic, c.chat.language, c.topicNames)))}${first}\n/latest · /settings`);
  },
};
