import type { BotCommand } from '../src/bot/command.js';
import { digestCommand } from './digest.js';
import { feedsCommand } from './feeds.js';
import { helpCommand } from './help.js';
import { languageCommand } from './language.js';
import { latestCommand } from './latest.js';
import { pollCommand } from './poll.js';
import { reloadCommand } from './reload.js';
import { settingsCommand } from './settings.js';
import { startCommand } from './start.js';
import { statsCommand } from './stats.js';
import { statusCommand } from './status.js';
import { stopCommand } from './stop.js';
import { subscribeCommand } from './subscribe.js';
import { timeCommand } from './time.js';
import { timezoneCommand } from './timezone.js';
import { unsubscribeCommand } from './unsubscribe.js';

/** Every command, in menu order: the one list behind dispatch, /help and setMyCommands. */
export const COMMANDS: readonly BotCommand[] = [
  startCommand, latestCommand, subscribeCommand, unsubscribeCommand, digestCommand, timeCommand,
  timezoneCommand, languageCommand, feedsCommand, settingsCommand, statusCommand, stopCommand,
  helpCommand, statsCommand, pollCommand, reloadCommand,
];
