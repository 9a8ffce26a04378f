import type { BotCommand } from '../src/bot/command.js';
import { COMMAND_NAMES } from '../src/i18n/index.js';
import { ADMIN_COMMANDS } from './admin-commands.js';

/** /help: every command with its one-line description; admin commands only for admins. */
export const helpCommand: BotCommand = {
  name: 'help',
  scope: 'everyone',
  async run(c) {
    const lines = COMMAND_NAMES.filter((name) => c.isBotAdmin || !ADMIN_COMMANDS.includes(name)).map((name) => ({
      command: name,
      description: c.msg.commandDescriptions[name],
    }));
    await c.reply(c.msg.help(lines, c.isBotAdmin));
  },
};
