import type { BotCommand } from '../src/bot/command.js';
import { withTopicNames } from '../src/bot/topic-examples.js';
import { availableTopics } from '../src/core/following.js';
import { guessCommand } from '../src/i18n/command-synonyms.js';
import { COMMAND_NAMES } from '../src/i18n/index.js';
import { ADMIN_COMMANDS } from './admin-commands.js';

/**
 * /help: every command with its one-line description; `/help <command>` (with or without the
 * slash, misspelt, or in the reader's language: `/help zeit`, see command-synonyms): how to use
 * that one, with examples. Admin commands only for admins. A word that names no command is said
 * to, before the list, so the reader does not take the list for the answer about it. Examples that name topics use the reader's names for them (`/subscribe wereld`).
 */
export const helpCommand: BotCommand = {
  name: 'help',
  scope: 'everyone',
  async run(c) {
    const visible = COMMAND_NAMES.filter((name) => c.isBotAdmin || !ADMIN_COMMANDS.includes(name));
    const asked = c.args[0]?.replace(/^\//, '').toLowerCase();
    // `/help tijd` or `/help lates`: the command the word most likely meant.
    const named = asked === undefined ? undefined : (guessCommand(asked, visible) ?? undefined);
    const localised = (html: string) => withTopicNames(html, c.chat.language, availableTopics(c.feeds), c.topicNames);
    if (named !== undefined) return c.reply(localised(c.msg.commandHelp[named]));
    const list = c.msg.help(visible.map((name) => ({ command: name, description: c.msg.commandDescriptions[name] })), c.isBotAdmin);
    // An admin command asked for by someone else is a command all the same: just the list, as for /help.
    const unknown = asked !== undefined && !(COMMAND_NAMES as readonly string[]).includes(asked);
    await c.reply(localised(unknown ? `${c.msg.helpNoSuchCommand(c.args[0]?.replace(/^\//, '') ?? asked)}\n\n${list}` : list));
  },
};
