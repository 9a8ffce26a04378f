import type { BotCommand } from '../src/bot/command.js';
import { escapeHtml } from '../src/telegram/html.js';

/**
 * Room for the problems (or warnings) in the answer, as sent (HTML-escaped: a quoted value's `"` takes six
 * characters): Telegram refuses a message over 4,096 characters.
 */
const MAX_PROBLEMS_CHARS = 3_000;

/**
 * /reload (admins): reads feeds.json again, as SIGHUP does, and says what changed, and what the
 * start would warn of in the new list (a URL listed twice, nothing to poll). A file with
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
    if (result.ok && result.warnings.length === 0) return c.reply(c.msg.reloadDone(result.change));
    if (result.ok) return c.reply(`${c.msg.reloadDone(result.change)}\n${c.msg.reloadWarnings(firstLinesWithin(result.warnings.join('\n'), MAX_PROBLEMS_CHARS))}`);
    return c.reply(c.msg.reloadFailed(firstLinesWithin(result.error, MAX_PROBLEMS_CHARS), result.kept));
  },
};

/** The whole lines of `text` whose escaped length fits in `max`, and `…` when some were left out. */
function firstLinesWithin(text: string, max: number): string {
  const kept: string[] = [];
  let length = 0;
  for (const line of text.split('\n')) {
    length += escapeHtml(line).length + 1;
    if (length > max) return [...kept, '…'].join('\n');
    kept.push(line);
  }
  return text;
}
