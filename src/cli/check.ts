import { Command } from 'commander';
import { loadCliContext } from './context.js';

/** `newsbrief check`: validates the environment and feeds.json without touching the network. */
export function checkCommand(): Command {
  return new Command('check')
    .description('Validate the environment and feeds.json without touching the network')
    .action(() => {
      const { config, feeds } = loadCliContext();
      const enabled = feeds.filter((feed) => feed.enabled);
      const topics = new Set(enabled.flatMap((feed) => feed.topics));
      const languages = new Set(enabled.map((feed) => feed.language));
      process.stdout.write(
        [
          `environment: ok (database ${config.databasePath}, log level ${config.logLevel})`,
          `bot token: ${config.botToken ? 'set' : 'not set: npm start will only poll and condense the feeds; see README to get one'}`,
          `${config.feedsFile}: ok, ${feeds.length} feeds (${enabled.length} enabled), ` +
            `${topics.size} topics, languages ${[...languages].sort().join(', ')}`,
        ].join('\n') + '\n',
      );
    });
}
