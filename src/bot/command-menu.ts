import type { Telegram } from 'telegraf';
import { UI_LANGUAGES, type UiLanguage } from '../core/types.js';
import { messagesFor } from '../i18n/index.js';
import type { Logger } from '../log.js';
import type { BotCommand } from './command.js';

/** The menu entries for one language: every command anyone may run, described in that language. */
function commandMenu(commands: readonly BotCommand[], language: UiLanguage): { command: string; description: string }[] {
  const msg = messagesFor(language);
  return commands
    .filter((command) => command.scope !== 'bot-admin')
    .map((command) => ({ command: command.name, description: msg.commandDescriptions[command.name] }));
}

/**
 * Publishes the command menu (setMyCommands) per interface language plus a default for everyone
 * else. The menu is a convenience: a failure is logged and start-up goes on. Returns how many
 * calls succeeded.
 */
export async function registerCommandMenu(
  telegram: Telegram,
  commands: readonly BotCommand[],
  defaultLanguage: UiLanguage,
  logger: Logger,
): Promise<number> {
  const calls: { language: UiLanguage; code: UiLanguage | undefined }[] = [
    { language: defaultLanguage, code: undefined },
    ...UI_LANGUAGES.map((language) => ({ language, code: language })),
  ];
  let succeeded = 0;
  for (const call of calls) {
    try {
      await telegram.setMyCommands(commandMenu(commands, call.language), call.code === undefined ? {} : { language_code: call.code });
      succeeded += 1;
    } catch (error) {
      logger.warn({ err: error, language: call.code ?? 'default' }, 'bot: setMyCommands failed; the command menu may be out of date');
    }
  }
  return succeeded;
}
