import type { BotCommand } from '../src/bot/command.js';

/**
 * /stop: unsubscribes from everything; the button under the answer also deletes the chat's data.
 * A chat that already stopped is told there is nothing left to stop, not the same news again.
 */
export const stopCommand: BotCommand = {
  name: 'stop',
  scope: 'settings',
  callbackPrefix: 'stop',
  callbackScope: 'settings',
  async run(c) {
    const wasActive = c.chat.active;
    c.deps.subscribers.stop(c.chat.chatId, c.now);
    await c.reply(wasActive ? c.msg.stopped : c.msg.alreadyStopped, [[{ text: c.msg.stopDeleteButton, data: 'stop:delete' }]]);
  },
  async onCallback(c) {
    if (c.data[0] !== 'delete') return;
    c.deps.subscribers.remove(c.chat.chatId);
    await c.edit(c.msg.deleted);
  },
};
