import type { BotCommand } from '../src/bot/command.js';
import type { Subscriber } from '../src/core/types.js';

/**
 * /stop: unsubscribes from everything; the button under the answer also deletes the chat's data.
 * A chat that follows nothing (already stopped, deleted, or new) is told there is nothing left to
 * stop, not the news that it just unsubscribed. The button stays under that old answer: pressed
 * after the chat followed news again, it deletes nothing (a stray tap would wipe a reader who
 * came back) and says to send /stop first.
 */
export const stopCommand: BotCommand = {
  name: 'stop',
  scope: 'settings',
  callbackPrefix: 'stop',
  callbackScope: 'settings',
  async run(c) {
    // A chat that follows nothing (stopped before, its data deleted, or new) gets no digests to stop.
    const hadSomethingToStop = followsSomething(c.chat);
    c.deps.subscribers.stop(c.chat.chatId, c.now);
    await c.reply(hadSomethingToStop ? c.msg.stopped : c.msg.alreadyStopped, [[{ text: c.msg.stopDeleteButton, data: 'stop:delete' }]]);
  },
  async onCallback(c) {
    if (c.data[0] !== 'delete') return;
    if (followsSomething(c.chat)) return c.edit(c.msg.deleteAfterFollowingAgain);
    c.deps.subscribers.remove(c.chat.chatId);
    await c.edit(c.msg.deleted);
  },
};

function followsSomething(chat: Subscriber): boolean {
  return chat.active && (chat.topics.length > 0 || chat.feeds.length > 0);
}
