import type { BotCommand } from '../src/bot/command.js';

/** Room for the problems in the answer: Telegram refuses a message over 4,096 characters. */
const MAX_PROBLEMS_CHARS = 3_000;

/**
 * /reload (admins): reads feeds.json again, as SIGHUP does, and says what changed. A file with
 * problems changes nothing; the answer lists them (the log has all of them) so the admin can fix
 * the file and retry.
 */
export const reloadCommand: BotCommand = {
  name: 'reload',
  scope: 'bot-admin',
  async run(c) {
    const reloadFeeds = c.deps.reloadFeeds;
    if (!reloadFeeds) return c.reply(c.msg.reloadUnavailable);
    const result = reloadFeeds();
    if (result.ok) return c.reply(c.msg.reloadDone(result.change));
    const problems = result.error.length > MAX_PROBLEMS_CHARS ? `${result.error.slice(0, MAX_PROBLEMS_CHARS)}…` : result.error;
    return c.reply(c.msg.reloadFailed(problems, result.kept));
  },
};
