import { Command } from 'commander';
import { runTerminalChat } from '../bot/terminal-chat.js';
import { createLogger } from '../log.js';
import { openDatabase } from '../store/database.js';
import { createSqliteFeedRepository } from '../store/sqlite/feed-repository.js';
import { createSqliteSubscriberRepository } from '../store/sqlite/subscriber-repository.js';
import { loadCliContext } from './context.js';

/**
 * `newsbrief chat`: talk to the bot in this terminal, with the same commands on the same
 * database and feeds, no Telegram or token needed. The terminal user counts as a bot admin.
 */
export function chatCommand(): Command {
  return new Command('chat')
    .description('Chat with the bot in this terminal (same commands, same database; no Telegram needed)')
    .option('--user <id>', 'Telegram user id to act as (also the chat id)', '1')
    .option('--language <code>', 'your language code, as Telegram would send it (nl, en ...)')
    .action(async (options: { user: string; language?: string }) => {
      const { config, feeds } = loadCliContext();
      const db = openDatabase(config.databasePath);
      const userId = Number(options.user);
      const feedRepository = createSqliteFeedRepository(db);
      try {
        await runTerminalChat(
          {
            subscribers: createSqliteSubscriberRepository(db),
            feeds,
            feedHealth: () => feedRepository.listFeeds(),
            adminIds: [...config.adminIds, userId],
            defaults: config.defaults,
            now: () => Date.now(),
            logger: createLogger('warn'),
          },
          { input: process.stdin, output: process.stdout, userId, firstName: '', languageCode: options.language ?? config.defaults.language },
        );
      } finally {
        db.close();
      }
    });
}
