import { Command } from 'commander';
import { briefCommand } from './brief.js';
import { chatCommand } from './chat.js';
import { checkCommand } from './check.js';
import { feedsCommand } from './feeds.js';
import { healthCommand } from './health.js';
import { housekeepCommand } from './housekeep.js';
import { parseCommand } from './parse.js';
import { pollCommand } from './poll.js';
import { runCli } from './run-cli.js';

/**
 * `newsbrief`: the operator's command line. Each subcommand lives in its own file and gets its
 * configuration through the shared context, so `--help` works without any environment.
 */
const program = new Command('newsbrief')
  .description('Polls news feeds, condenses each article into a briefing and serves them in Telegram.')
  .showHelpAfterError('(run with --help for usage)')
  .addCommand(checkCommand())
  .addCommand(chatCommand())
  .addCommand(pollCommand())
  .addCommand(feedsCommand())
  .addCommand(healthCommand())
  .addCommand(parseCommand())
  .addCommand(briefCommand())
  .addCommand(housekeepCommand());

await runCli(program, process.argv);
