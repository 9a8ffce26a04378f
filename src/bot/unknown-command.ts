import { guessCommand } from '../i18n/command-synonyms.js';
import type { CommandName, Messages } from '../i18n/index.js';
import type { ParsedCommand } from './parse-command.js';

/**
 * The answer to a command this bot does not have: the command most likely meant, by a typo
 * (`/tiem`) or a word in the reader's language (`/zeit`), offered with the reader's arguments
 * when there are any (`/zeit 07:30`: "did you mean /time 07:30?"), so they need not type them
 * again. Arguments the parser flagged as too long or garbled are left out, as the answer to an
 * edited command leaves them out. A command addressed `@thisbot` in a group is offered with the
 * mention, since several bots may read that group; without arguments Telegram links `/time`
 * and adds the mention itself.
 */
export function unknownCommandText(parsed: ParsedCommand, names: readonly CommandName[], botUsername: string, msg: Messages): string {
  const guess = guessCommand(parsed.name, names);
  if (guess === null) return msg.unknownCommand();
  if (parsed.badArguments !== null || parsed.args.length === 0) return msg.unknownCommand(guess);
  return msg.unknownCommand(parsed.mention === null ? guess : `${guess}@${botUsername}`, parsed.args.join(' '));
}
