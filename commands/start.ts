import type { BotCommand } from '../src/bot/command.js';
import { defaultTopicsFor } from '../src/bot/subscription-feeds.js';
import { topicLabel } from '../src/core/topic-names.js';

/** /start: a welcome in the reader's language with a button that follows the default selection. */
export const startCommand: BotCommand = {
  name: 'start',
  scope: 'everyone',
  callbackPrefix: 'start',
  callbackScope: 'settings',
  async run(c) {
    await c.reply(c.msg.welcome(c.firstName), [[{ text: c.msg.subscribeDefaultButton, data: 'start:default' }]]);
  },
  async onCallback(c) {
    if (c.data[0] !== 'default') return;
    const topics = defaultTopicsFor(c.chat.language, c.feeds, c.deps.defaultTopics);
    c.deps.subscribers.subscribe(c.chat.chatId, topics.map((value) => ({ kind: 'topic', value })), c.now);
    await c.edit(`${c.msg.subscribed(topics.map((topic) => topicLabel(topic, c.chat.language, c.topicNames)))}\n/latest · /settings`);
  },
};
