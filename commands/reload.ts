import type { BotCommand } from '../src/bot/command.js';

/**
 * /reload (admins): reads feeds.json again, as SIGHUP does, and says what changed. A file with
 * problems changes nothing; the answer lists them so the admin can fix the file and retry.
 */
export const reloadCommand: BotCommand = {
  name: 'reload',
  scope: 'bot-admin',
  async run(c) {
    const reloadFeeds = c.deps.reloadFeeds;
    if (!reloadFeeds) return c.reply(c.msg.reloadUnavailable);
    const result = reloadFeeds();
    return c.reply(result.ok ? c.msg.reloadDone(result.change) : c.msg.reloadFailed(result.error, result.kept));
  },
};
