import type { BotCommand } from '../src/bot/command.js';
import { nextLocalTime } from '../src/core/local-time.js';
import { settingsView } from '../src/bot/views.js';
import { formatDateTime } from '../src/i18n/index.js';

/** /status: what the chat follows, its next digest in its own time, and its last delivery. */
export const statusCommand: BotCommand = {
  name: 'status',
  scope: 'everyone',
  async run(c) {
    const { chat } = c;
    const next = chat.digestTime === null ? null : nextLocalTime(chat.digestTime, chat.timezone, c.now);
    const last = c.deps.subscribers.lastDeliveryAt(chat.chatId);
    const when = (at: number | null) => (at === null ? null : formatDateTime(at, chat.timezone, chat.language));
    await c.reply(c.msg.status(settingsView(chat), when(next), when(last), chat.active));
  },
};
