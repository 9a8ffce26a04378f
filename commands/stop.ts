import type { BotCommand } from '../src/bot/command.js';

/**
 * /stop: unsubscribes from everything; the button under the answer also deletes the chat's data.
 * A chat that follows nothing (already stopped, deleted, or new) is told there is nothing left to
 * stop, not the news that it just unsubscribed.
 */
export const stopCommand: BotCommand = {
  name: 'stop',
  scope: 'settings',
  callbackPrefix: 'stop',
  callbackScope: 'settings',
  async run(c) {
    // A chat that follows nothing (stopped before, its data deleted, or new) gets no digests to stop.
    const hadSomethingToStop = c.chat.active && (c.chat.topics.length > 0 || c.chat.feeds.length > 0);
    c.deps.subscribers.stop(c.chat.chatId, c.now);
    await c.reply(hadSomethingToStop ? c.msg.stopped : c.msg.alreadyStopped, [[{ text: c.msg.stopDeleteButton, data: 'stop:delete' }]]);
  },
  async onCallback(c) {
    if (c.data[0] !== 'delete') return;
    c.deps.subscribers.remove(c.chat.chatId);
    await c.edit(c.msg.deleted);
  },
};
