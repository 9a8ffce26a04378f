import { Command } from 'commander';
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
      process.stdout.write(
        [
          `environment: ok (database ${config.databasePath}, log level ${config.logLevel})`,
          `bot token: ${config.botToken ? 'set' : 'not set: npm start will only poll and condense the feeds; see README to get one'}`,
          `${config.feedsFile}: ok, ${feeds.length} feeds (${enabled.length} enabled), ` +
            `${topics.size} topics, languages ${[...languages].sort().join(', ')}`,
          `${config.databasePath}: ${describe(database)}`,
        ].join('\n') + '\n',
      );
    });
}

function describe(database: ReturnType<typeof inspectDatabase>): string {
  if (database === null) return 'not there yet: npm start creates it';
  const pending = database.pending === 0 ? 'up to date' : `${database.pending} migration(s) to apply at the next start`;
  return `ok, schema version ${database.version} (${pending})`;
}
