import type { BotCommand } from '../src/bot/command.js';
import { plainFeedError } from '../src/bot/feed-failure-text.js';

/**
 * /poll (admins): polls every feed now and reports when done. The poll runs in the background so
 * the bot keeps answering other chats meanwhile; its failure is logged and reported politely,
 * both in the language the chat has when the poll ends. Each failed feed is named with what went
 * wrong in plain words; the log keeps the full error.
 */
export const pollCommand: BotCommand = {
  name: 'poll',
  scope: 'bot-admin',
  async run(c) {
    const pollNow = c.deps.pollNow;
    if (!pollNow) return c.reply(c.msg.pollUnavailable);
    await c.reply(c.msg.pollStarted);
    void pollNow()
      .then((report) => {
        const failed = report.failed.map(({ feedId, error }) => ({ feed: feedId, problem: plainFeedError(error) }));
        return c.reply(c.messagesNow().pollDone(report.done, failed));
      })
      .catch(async (error: unknown) => {
        c.deps.logger.error({ err: error, chat_id: c.chat.chatId }, 'bot/poll: poll failed');
        await c.reply(c.messagesNow().somethingWentWrong).catch(() => undefined);
      });
  },
};
