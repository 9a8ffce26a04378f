import { Command, Option } from 'commander';
import { createBackgroundRuns } from '../background-runs.js';
import { botDepsOn } from '../bot-deps.js';
import { createFeedCatalog } from '../feed-catalog.js';
import { runTerminalChat } from '../bot/terminal-chat.js';
import type { FeedSpec } from '../core/types.js';
import { createIngestion } from '../ingestion.js';
import { takeOverRenamedFeeds } from '../jobs/take-over-renamed-feeds.js';
import { createConfiguredLogger, createSilentLogger } from '../log.js';
import { createSqliteOutboxRepository } from '../store/sqlite/outbox-repository.js';
import { createSqliteSubscriberRepository } from '../store/sqlite/subscriber-repository.js';
import { loadCliContext, type CliEnv } from './context.js';
import { UsageError } from './run-cli.js';
import { EXIT_ON_MISTAKE, helpFooter } from './help-footer.js';

/**
 * `newsbrief chat`: talk to the bot in this terminal, with the same commands on the same
 * database and feeds (/digest, /poll and /stats included), no Telegram or token needed. The
 * terminal user counts as a bot admin. Digests written to the outbox are not sent from here.
 * The log stays quiet unless asked for (`--verbose`): in a terminal it would land in the middle
 * of the conversation, which already tells the user what went wrong (a failed /reload, /poll).
 */
export function chatCommand(env: CliEnv): Command {
  return new Command('chat')
    .description('Chat with the bot in this terminal (same commands, same database; no Telegram needed)')
    .addOption(new Option('--user <id>', 'Telegram user id to act as (also the chat id)').default('1', '1'))
    .option('--language <code>', 'your language code, as Telegram would send it (nl, en ...)')
    .option('--verbose', 'log on stderr (at LOG_LEVEL, in LOG_FORMAT), between the messages')
    .addHelpText('after', helpFooter([
        'newsbrief chat',
        'newsbrief chat --user 42 --language de',
      ], ['0  left with /quit or Ctrl-D', EXIT_ON_MISTAKE]))
    .action(async (options: { user: string; language?: string; verbose?: boolean }) => {
      const userId = readUserId(options.user);
      const { config, feeds, topicNames } = loadCliContext(env);
      const logger = options.verbose === true ? createConfiguredLogger(config) : createSilentLogger();
      const ingestion = createIngestion(config, logger);
      const background = createBackgroundRuns();
      // As the bot does: a feed renamed in feeds.json keeps its articles and followers.
      const adoptRenamed = (listed: readonly FeedSpec[]) => void takeOverRenamedFeeds(ingestion.feeds, listed, logger);
      adoptRenamed(feeds);
      try {
        const deps = botDepsOn({
          config: { ...config, adminIds: [...config.adminIds, userId] },
          catalog: createFeedCatalog({ path: config.feedsFile, initial: { feeds, topicNames }, logger, beforeServing: adoptRenamed }),
          ingestion,
          subscribers: createSqliteSubscriberRepository(ingestion.db),
          outbox: createSqliteOutboxRepository(ingestion.db),
          runPoll: background.run,
          logger,
        });
        await runTerminalChat(deps, { input: process.stdin, output: process.stdout, userId, firstName: '', languageCode: options.language ?? config.defaults.language });
      } finally {
        // After /quit the terminal is still open, and an open stdin would keep the process alive.
        process.stdin.destroy();
        // The chat ended (/quit, Ctrl-D or the end of a pipe): a /poll still running finishes and reports first.
        await background.idle();
        await ingestion.close();
      }
    });
}

/**
 * The id `--user` names. Anything but a whole number above 0 is a UsageError: `abc` used to
 * become NaN, and the chat then ignored every line and exited 0.
 */
export function readUserId(text: string): number {
  const id = /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(id) || id <= 0) throw new UsageError(`chat: --user must be a numeric Telegram user id (a whole number above 0), not ${JSON.stringify(text)}`);
  return id;
}
