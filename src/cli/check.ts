import { Command } from 'commander';
import { warnNothingToPoll } from '../feeds-file.js';
import { inspectDatabase } from '../store/database.js';
import { loadCliContext } from './context.js';

/**
 * `newsbrief check`: validates the environment, feeds.json and the database file (read only)
 * without touching the network.
 */
export function checkCommand(): Command {
  return new Command('check')
    .description('Validate the environment, feeds.json and the database file (read only), without touching the network')
    .action(() => {
      const { config, feeds } = loadCliContext();
      const enabled = feeds.filter((feed) => feed.enabled);
      const topics = new Set(enabled.flatMap((feed) => feed.topics));
      const languages = new Set(enabled.map((feed) => feed.language));
      const database = inspectDatabase(config.databasePath);
      const idle = warnNothingToPoll(feeds);
      // No dangling "languages " label when there are none.
      const languageList = languages.size === 0 ? '' : `, ${languages.size === 1 ? 'language' : 'languages'} ${[...languages].sort().join(', ')}`;
      process.stdout.write(
        [
          `environment: ok (database ${config.databasePath}, log level ${config.logLevel})`,
          `bot token: ${config.botToken ? 'set' : 'not set: npm start will only poll and condense the feeds; see README to get one'}`,
          `${config.feedsFile}: ok, ${count(feeds.length, 'feed')} (${enabled.length} enabled), ${count(topics.size, 'topic')}${languageList}`,
          ...(idle === null ? [] : [`${config.feedsFile}: warning: ${idle}`]),
          `${config.databasePath}: ${describe(database)}`,
        ].join('\n') + '\n',
      );
    });
}

/** `1 feed`, `2 feeds`, `0 feeds`. */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function describe(database: ReturnType<typeof inspectDatabase>): string {
  if (database === null) return 'not there yet: npm start creates it';
  const pending = database.pending === 0 ? 'up to date' : `${database.pending} migration(s) to apply at the next start`;
  return `ok, schema version ${database.version} (${pending})`;
}
