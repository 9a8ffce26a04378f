import { toAsciiDigits } from '../core/text/ascii-digits.js';
import { TELEGRAM_MAX_MESSAGE_LENGTH } from '../telegram/html.js';

/**
 * Longest argument text a command reads; anything longer is refused politely. As much as one
 * Telegram message holds, so that whatever a reader can send is read (a /subscribe with every
 * feed id, a pasted list): what it bounds is other front ends, such as the terminal chat, where
 * a pasted file would otherwise make every command read (and the "did you mean" weigh) a megabyte.
 */
export const MAX_ARGUMENT_LENGTH = TELEGRAM_MAX_MESSAGE_LENGTH;

/** Punctuation written straight after a command's name, which ends the name and is no argument. */
const GLUED_PUNCTUATION = /^[.,!?;:…]+/u;

/**
 * Marks with no width that a right-to-left keyboard, a phone or a copied text leaves around
 * words (direction marks, embeddings and isolates, the zero-width space, a byte-order mark):
 * `‏08:00‏` is `08:00` to the reader. Not the zero-width (non-)joiners, which Persian, Indic
 * scripts and emoji need.
 */
const INVISIBLE_MARKS = /[\u200B\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF]/gu;

/** A command message taken apart. */
export interface ParsedCommand {
  /** Command name without slash, NFKC-normalised and lower case: `/ＬＡＴＥＳＴ` is `latest`. */
  readonly name: string;
  /** The `@botname` suffix, lower case, or null. */
  readonly mention: string | null;
  /** Normalised (see readArguments): `/latest ５` and `/time ٧:٣٠` reach every command as `5` and `7:30`. */
  readonly args: readonly string[];
  /**
   * Why the arguments were not read, or null: longer than MAX_ARGUMENT_LENGTH, or carrying
   * control or replacement characters (binary garbage).
   */
  readonly badArguments: 'too-long' | 'unreadable' | null;
}

/**
 * Reads `/name@bot arg arg` from a message text; null when the text is not a command. Arguments
 * are split on whitespace; text with control characters (binary garbage) or beyond
 * MAX_ARGUMENT_LENGTH is flagged rather than parsed, so no command ever sees it. The name and the
 * arguments are normalised here, once, so dispatch, the "did you mean" of an unknown command and
 * every command read full-width letters (some Asian keyboards type `/ｌａｔｅｓｔ`) and other
 * scripts' digits alike.
 */
export function parseCommand(text: string): ParsedCommand | null {
  // Letters beyond ASCII too: Telegram's commands have none, but a reader who guesses one in French
  // (/dernières) should hear "did you mean /latest?" rather than that this is no command.
  // Sentence punctuation may follow the name at once (`/help?`, `/latest.`): Telegram marks the
  // command in it as one, so a reader who taps or types it expects it to run.
  const match = /^\/([\p{L}\p{M}\p{N}_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?=[\s.,!?;:…]|$)([\s\S]*)$/u.exec(text);
  if (!match) return null;
  const rest = (match[3] ?? '').replace(GLUED_PUNCTUATION, '').trim();
  const badArguments = rest.length > MAX_ARGUMENT_LENGTH
    ? 'too-long'
    // eslint-disable-next-line no-control-regex
    : /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/.test(rest) ? 'unreadable' : null;
  return {
    name: (match[1] as string).normalize('NFKC').toLowerCase(),
    mention: match[2] === undefined ? null : match[2].toLowerCase(),
    args: badArguments !== null || rest === '' ? [] : readArguments(rest),
    badArguments,
  };
}

/**
 * The words of an argument text, in the form the commands read: NFKC turns full-width and other
 * compatibility forms into plain ones (`０７：３０` → `07:30`, `ｗｏｒｌｄ` → `world`) while keeping
 * accented letters (`é` stays `é`, a decomposed one is composed), digits of other scripts
 * become ASCII ones, which NFKC leaves alone, and invisible marks (INVISIBLE_MARKS) go.
 */
function readArguments(rest: string): string[] {
  // Trimmed again: a compatibility form may turn into a space (U+00A8 is a space and a diaeresis).
  const words = toAsciiDigits(rest.replace(INVISIBLE_MARKS, '').normalize('NFKC')).trim();
  return words === '' ? [] : words.split(/\s+/);
}
