import type { BotCommand } from '../src/bot/command.js';
import { closestName } from '../src/core/closest-name.js';
import { COMMAND_NAMES } from '../src/i18n/index.js';
import { ADMIN_COMMANDS } from './admin-commands.js';

/**
 * /help: every command with its one-line description; `/help <command>` (with or without the
 * slash, or misspelt): how to use that one, with examples. Admin commands only for admins.
 */
export const helpCommand: BotCommand = {
  name: 'help',
  scope: 'everyone',
  async run(c) {
    const visible = COMMAND_NAMES.filter((name) => c.isBotAdmin || !ADMIN_COMMANDS.includes(name));
    const asked = c.args[0]?.replace(/^\//, '').toLowerCase();
    // `/help tijd` or `/help lates`: the command the word most likely meant.
    const named = visible.find((name) => name === asked) ?? (asked === undefined ? undefined : closestName(asked, visible) ?? undefined);
    if (named !== undefined) return c.reply(c.msg.commandHelp[named]);
    await c.reply(c.msg.help(visible.map((name) => ({ command: name, description: c.msg.commandDescriptions[name] })), c.isBotAdmin));
  },
};
