import { distance } from 'fastest-levenshtein';
import { SETTING_NAMES } from './config.js';

/**
 * A variable that is not one of ours but was surely meant to be (`DIGEST_TIME=08:00` for
 * DEFAULT_DIGEST_TIME) is otherwise ignored without a word, and its default used. The start and
 * `newsbrief check` warn about it; they do not fail, since the name may be another program's.
 *
 * A shell holds many unrelated variables (PATH, HOME, LANG, TZ, NODE_OPTIONS, npm_config_*,
 * KUBERNETES_SERVICE_PORT ...), so the rule is tight. A name is taken for one of ours when, case
 * aside, it is
 * - one of ours behind a NEWSBRIEF_ prefix (NEWSBRIEF_BOT_TOKEN),
 * - one of ours with its first or last word dropped, keeping at least two words (DIGEST_TIME,
 *   FETCH_TIMEOUT; never a single word such as PATH, LANGUAGE or TIMEZONE, which other programs use),
 * - within two edits of one of ours (BOT_TOKE, BRIEF_MAX_WORD), or one edit for a name shorter
 *   than eight characters (PORTS; HOST is two edits from PORT and is the machine's name),
 * - a name other Telegram bots give the token (TELEGRAM_BOT_TOKEN): none of the rules above
 *   reaches it, and a bot without BOT_TOKEN only polls, never saying why the token went unread.
 */
export function warnMisspelledSettings(names: Iterable<string>, known: readonly string[] = SETTING_NAMES): string[] {
  const warnings: string[] = [];
  for (const name of names) {
    if (known.includes(name)) continue;
    const meant = meantSettings(name, known);
    if (meant.length > 0) warnings.push(`${name} is not a newsbrief setting (did you mean ${meant.join(' or ')}?)`);
  }
  return warnings;
}

/** The settings `name` is closest to, by the rule above; several only when they are equally close. */
function meantSettings(name: string, known: readonly string[]): string[] {
  const typed = name.toUpperCase();
  let best: string[] = [];
  let bestScore = Infinity;
  for (const setting of known) {
    const score = closeness(typed, setting);
    if (score === null || score > bestScore) continue;
    best = score < bestScore ? [setting] : [...best, setting];
    bestScore = score;
  }
  return best;
}

const PREFIX = 'NEWSBRIEF_';
/** Names other Telegram bots and their guides give a setting of ours. */
const OTHER_BOTS_NAMES: ReadonlyMap<string, string> = new Map([
  ['TELEGRAM_BOT_TOKEN', 'BOT_TOKEN'],
  ['TELEGRAM_TOKEN', 'BOT_TOKEN'],
  ['TG_BOT_TOKEN', 'BOT_TOKEN'],
  ['TG_TOKEN', 'BOT_TOKEN'],
]);

/** How far `typed` (upper case) is from `setting`: 0 for the same name in another case or behind the prefix; null when too far. */
function closeness(typed: string, setting: string): number | null {
  if (typed === setting || typed === PREFIX + setting) return 0;
  if (OTHER_BOTS_NAMES.get(typed) === setting) return 1;
  const words = setting.split('_');
  const shortened = [words.slice(1), words.slice(0, -1)].filter((rest) => rest.length >= 2).map((rest) => rest.join('_'));
  if (shortened.includes(typed)) return 1;
  const edits = distance(typed, setting);
  return edits <= (setting.length < 8 ? 1 : 2) ? edits : null;
}
