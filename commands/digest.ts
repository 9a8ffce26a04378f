import type { BotCommand } from '../src/bot/command.js';

/** /digest: the chat's digest now, built and rendered exactly as the daily one (delivery engine port). */
export const digestCommand: BotCommand = {
  name: 'digest',
  scope: 'everyone',
  async run(c) {
    if (!c.deps.digestNow) return c.reply(c.msg.digestUnavailable);
    const digest = await c.deps.digestNow(c.chat, c.now);
    if (digest === null || digest.parts.length === 0) return c.reply(c.msg.digestEmpty);
    c.deps.subscribers.recordDeliveries(c.chat.chatId, digest.articleSeqs, 'digest', c.now);
    for (const part of digest.parts) await c.reply(part);
  },
};
