import { Command } from 'commander';
import { briefCommand } from './brief.js';
import { chatCommand } from './chat.js';
import { checkCommand } from './check.js';
import { feedsCommand } from './feeds.js';
import { healthCommand } from './health.js';
import { housekeepCommand } from './housekeep.js';
import { readPackageVersion } from './package-version.js';
import { parseCommand } from './parse.js';
import { pollCommand } from './poll.js';
import { runCli } from './run-cli.js';

/**
 * `newsbrief`: the operator's command line, and its composition root. Each subcommand lives in
 * its own file and is handed the environment read here, the CLI's one read of process.env; it
 * parses it only when it runs, so `--help` works without any environment.
 */
const env = process.env;
const program = new Command('newsbrief')
  .description('Polls news feeds, condenses each article into a briefing and serves them in Telegram.')
  .version(readPackageVersion(new URL(import.meta.url)) ?? 'unknown', '-V, --version', 'print the version of newsbrief')
  .showHelpAfterError('(run with --help for usage)')
  .addCommand(checkCommand(env))
  .addCommand(chatCommand(env))
  .addCommand(pollCommand(env))
  .addCommand(feedsCommand(env))
  .addCommand(healthCommand(env))
  .addCommand(parseCommand(env))
  .addCommand(briefCommand(env))
  .addCommand(housekeepCommand(env));
// addCommand, unlike command(), copies no settings: without this, a subcommand's missing argument or bad option would end without the pointer.
for (const command of program.commands) command.showHelpAfterError(`(run \`newsbrief ${command.name()} --help\` for usage)`);

await runCli(program, process.argv);
