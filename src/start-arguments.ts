/**
 * `npm start` runs the bot and takes no arguments. An operator who types `npm start -- brief
 * article.txt` means the command line, which is a separate program: say so and how to call it,
 * instead of silently starting the bot and ignoring what was asked.
 */

/** What main.ts does with its arguments: start, print the usage, or refuse with a message. */
export type StartArguments =
  | { readonly kind: 'start' }
  | { readonly kind: 'usage'; readonly text: string }
  | { readonly kind: 'refuse'; readonly message: string };

const USAGE = `usage: npm start     (or: node dist/src/main.js)

Runs the newsbrief bot: polls the feeds of feeds.json, condenses new articles, serves subscribers
in Telegram (BOT_TOKEN) and sends their daily digests. It takes no arguments; it is configured by
environment variables (see the README, or check them with: npx newsbrief check).

The operator's commands (brief, poll, feeds, chat, health, ...) are a separate program:
  npx newsbrief --help
`;

export function readStartArguments(args: readonly string[]): StartArguments {
  if (args.length === 0) return { kind: 'start' };
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) return { kind: 'usage', text: USAGE };
  const given = args.join(' ');
  return {
    kind: 'refuse',
    message:
      `newsbrief: npm start runs the bot and takes no arguments (got "${given}").\n` +
      `For the command line, run: npx newsbrief ${given}\n` +
      '(npx newsbrief --help lists its commands)\n',
  };
}
