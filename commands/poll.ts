import type { BotCommand } from '../src/bot/command.js';

/**
 * /poll (admins): polls every feed now and reports when done. The poll runs in the background so
 * the bot keeps answering other chats meanwhile; its failure is logged and reported politely,
 * both in the language the chat has when the poll ends.
 */
export const pollCommand: BotCommand = {
  name: 'poll',
  scope: 'bot-admin',
  async run(c) {
    const pollNow = c.deps.pollNow;
    if (!pollNow) return c.reply(c.msg.pollUnavailable);
    await c.reply(c.msg.pollStarted);
    void pollNow()
      .then((report) => c.reply(c.messagesNow().pollDone(report.done, report.failed)))
      .catch(async (error: unknown) => {
        c.deps.logger.error({ err: error, chat_id: c.chat.chatId }, 'bot/poll: poll failed');
        await c.reply(c.messagesNow().somethingWentWrong).catch(() => undefined);
      });
  },
};
