import { z } from 'zod';
import { ConfigError, formatZodIssues } from './config-errors.js';
import { MAX_INTERVAL_MINUTES } from './feeds-file.js';
import type { LogFormat } from './log.js';
import { UI_LANGUAGES, type UiLanguage } from './core/types.js';

export { ConfigError } from './config-errors.js';

/**
 * The environment, read once by main and the CLI and passed down frozen. Every knob has a default
 * here, so a fresh checkout runs with no variables set except BOT_TOKEN.
 */
const integer = (fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .superRefine((text, ctx) => {
      const problem = integerProblem(text);
      if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
    })
    .transform(Number)
    .pipe(z.number().min(min, { error: `must be at least ${min}` }).max(max, { error: `must be at most ${max}` }))
    .default(fallback);
/**
 * Why `text` is not an integer in plain decimal digits, else null. Number() alone took PORT=1e3
 * and PORT=0x50 as 1000 and 80, which nobody writes meaning a port; and it made a 20-digit value
 * "not a whole number" (past 2^53) beside the true "must be at most …". Digits are whole numbers
 * however many there are: the range check says the rest.
 */
function integerProblem(text: string): string | null {
  if (/^-?\d+$/.test(text)) return null;
  const value = Number(text);
  if (Number.isNaN(value) || text === '') return 'not a number';
  if (!Number.isInteger(value)) return 'not a whole number';
  return `not written in plain decimal digits (such as ${Number.isSafeInteger(value) ? value : 1000})`;
}
/** The highest TCP port; a larger PORT passed check and then crashed the webhook's listen(). */
const MAX_PORT = 65_535;
/** setTimeout's limit: a longer fetch timeout overflows, fires at once and times out every fetch. */
const MAX_TIMER_MS = 2_147_483_647;
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
/** One of a few words, in any case (`LOG_LEVEL=INFO` is how many tools write it), listed in plain words when it is none. */
const oneOf = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  z.string().trim().toLowerCase().pipe(z.enum(values, { error: `must be one of ${values.join(', ')}` })).default(fallback);

/**
 * A file or folder path. A leading ~ is the shell's, not the file system's: from an env file,
 * systemd or Docker, `DATA_DIR=~/nb` made a folder named `~` in the working directory, and the
 * database lived where no one looked for it (nor backed it up).
 */
const path = () => z.string().min(1).refine((text) => !text.startsWith('~'), 'starts with ~, which only a shell expands; write the full path');

const ENV_SCHEMA = z
  .object({
    BOT_TOKEN: z
      .string()
      .trim()
      .regex(/^\d+:[\w-]{20,}$/, 'does not look like a bot token from @BotFather (digits:letters)')
      .optional(),
    FEEDS_FILE: path().default('./feeds.json'),
    DATA_DIR: path().default('./data'),
    DATABASE_PATH: path().optional(),
    LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
    LOG_FORMAT: oneOf(['auto', 'json', 'pretty'], 'auto'),
    ADMIN_IDS: z
      .string()
      .default('')
      .transform((text, ctx) => {
        const ids = text.split(/[\s,]+/).filter(Boolean);
        const bad = ids.filter((id) => !/^-?\d+$/.test(id));
        if (bad.length > 0) ctx.addIssue({ code: 'custom', message: `not numeric Telegram user ids: ${bad.join(', ')}` });
        return ids.map(Number);
      }),
    TELEGRAM_API_ROOT: z.url({ protocol: /^https?$/ }).default('https://api.telegram.org'),
    WEBHOOK_URL: z.url({ protocol: /^https$/, error: 'must be an https:// URL' }).optional(),
    WEBHOOK_SECRET: z.string().regex(/^[\w-]{1,256}$/, 'only letters, digits, _ and - (at most 256)').optional(),
    PORT: integer(8080, 1, MAX_PORT),
    POLL_INTERVAL_MINUTES: integer(15, 1, MAX_INTERVAL_MINUTES),
    FETCH_TIMEOUT_MS: integer(20_000, 100, MAX_TIMER_MS),
    FETCH_MAX_BYTES: integer(5 * 1024 * 1024, 1024),
    FETCH_PER_HOST: integer(2, 1),
    SEND_RATE_PER_SECOND: integer(25, 1),
    SEND_MAX_IN_FLIGHT: integer(4, 1),
    DIGEST_CATCHUP_HOURS: integer(3, 0),
    DIGEST_TOP_N: integer(8, 1),
    DIGEST_QUIET_DAY: z.stringbool({ error: 'must be true or false' }).default(false),
    // Spelled as the time zone database spells it (`europe/amsterdam` works, but readers would see it so in /settings).
    DEFAULT_TIMEZONE: z.string().default('Europe/Amsterdam').refine(isKnownTimeZone, 'not an IANA time zone name').transform(canonicalTimeZone),
    DEFAULT_DIGEST_TIME: z.string().regex(HH_MM, 'must be HH:MM').default('07:30'),
    DEFAULT_LANGUAGE: oneOf(UI_LANGUAGES, 'en'),
    BRIEF_MAX_SENTENCES: integer(3, 1),
    BRIEF_MAX_WORDS: integer(60, 5),
    BRIEF_MAX_CHARS: integer(400, 40),
    RETENTION_DAYS: integer(30, 1),
  })
  .strip();

/** Every variable newsbrief reads, as the README's configuration table lists them (tests/unit/readme-config.test.ts keeps the two in step). */
export const SETTING_NAMES: readonly string[] = Object.freeze(Object.keys(ENV_SCHEMA.shape));

export type Config = Readonly<{
  botToken: string | null;
  feedsFile: string;
  dataDir: string;
  databasePath: string;
  logLevel: string;
  logFormat: LogFormat | 'auto';
  adminIds: readonly number[];
  telegramApiRoot: string;
  webhook: { url: string; secret: string | null; port: number } | null;
  pollIntervalMinutes: number;
  fetch: { timeoutMs: number; maxBytes: number; perHost: number };
  sendRatePerSecond: number;
  /** Bot API calls of the outbox at the same time (each to a different chat). */
  sendMaxInFlight: number;
  digest: { catchUpHours: number; topN: number; quietDay: boolean };
  defaults: { timezone: string; digestTime: string; language: UiLanguage };
  briefBudget: { maxSentences: number; maxWords: number; maxChars: number };
  /** Days article text, sent messages and delivery receipts are kept (jobs/housekeeping.ts). */
  retentionDays: number;
}>;

/** Variables whose values are not repeated in an error: tokens, secrets, and URLs that may carry either. */
const MAY_HOLD_SECRETS = /TOKEN|SECRET|URL|API_ROOT/;

/** Reads the environment into a Config, or throws one ConfigError listing every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(
    Object.entries(env)
      .map(([name, value]) => [name, value === undefined ? '' : meantValue(value)] as const)
      .filter(([, value]) => value !== ''),
  );
  const result = ENV_SCHEMA.safeParse(present, { reportInput: true });
  if (!result.success) {
    const showValues = (path: readonly PropertyKey[]) => !MAY_HOLD_SECRETS.test(String(path[0]));
    // Quote what the operator typed, not what coercion made of it ("x", not NaN).
    const typed = (path: readonly PropertyKey[]) => present[String(path[0])];
    throw new ConfigError('environment', formatZodIssues(result.error.issues, { showValues, typed }));
  }
  const e = result.data;
  return Object.freeze({
    botToken: e.BOT_TOKEN ?? null,
    feedsFile: e.FEEDS_FILE,
    dataDir: e.DATA_DIR,
    databasePath: e.DATABASE_PATH ?? `${e.DATA_DIR.replace(/\/+$/, '')}/newsbrief.db`,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    adminIds: Object.freeze(e.ADMIN_IDS),
    telegramApiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
    webhook: e.WEBHOOK_URL ? { url: e.WEBHOOK_URL, secret: e.WEBHOOK_SECRET ?? null, port: e.PORT } : null,
    pollIntervalMinutes: e.POLL_INTERVAL_MINUTES,
    fetch: { timeoutMs: e.FETCH_TIMEOUT_MS, maxBytes: e.FETCH_MAX_BYTES, perHost: e.FETCH_PER_HOST },
    sendRatePerSecond: e.SEND_RATE_PER_SECOND,
    sendMaxInFlight: e.SEND_MAX_IN_FLIGHT,
    digest: { catchUpHours: e.DIGEST_CATCHUP_HOURS, topN: e.DIGEST_TOP_N, quietDay: e.DIGEST_QUIET_DAY },
    defaults: { timezone: e.DEFAULT_TIMEZONE, digestTime: e.DEFAULT_DIGEST_TIME, language: e.DEFAULT_LANGUAGE },
    briefBudget: { maxSentences: e.BRIEF_MAX_SENTENCES, maxWords: e.BRIEF_MAX_WORDS, maxChars: e.BRIEF_MAX_CHARS },
    retentionDays: e.RETENTION_DAYS,
  });
}

/**
 * A value as the operator meant it: without the spaces around it (an env file's `KEY=07:30 `) and
 * without one pair of matching quotes around the whole of it (`KEY='07:30'`: a shell, Compose,
 * systemd and dotenv drop them, but `docker run --env-file` passes them on). No setting's value
 * starts or ends with a space or a quote, and a bot token in quotes would be refused without the
 * value shown. What is left empty counts as not set, so a blank number is its default, not 0.
 */
function meantValue(value: string): string {
  const trimmed = value.trim();
  const quoted = /^(["'])([^]*)\1$/.exec(trimmed);
  return quoted ? (quoted[2] ?? '').trim() : trimmed;
}

/** True for names the runtime's time zone database knows (`Europe/Amsterdam`, `UTC`). */
function isKnownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name.length > 0;
  } catch {
    return false;
  }
}

/** The time zone database's own spelling of a name it knows (`utc` -> `UTC`). */
function canonicalTimeZone(name: string): string {
  return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
}
