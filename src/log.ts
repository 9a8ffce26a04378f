import { pino } from 'pino';
import { PinoPretty } from 'pino-pretty';

/** The logger every adapter and job receives; pino's shape, so tests can pass a silent one. */
export type Logger = pino.Logger;

/** JSON lines for log collectors (and the tests that read them), or one readable line per entry for a person at a terminal. */
export type LogFormat = 'json' | 'pretty';

/** LOG_FORMAT `auto` is readable lines on a terminal and JSON everywhere else (Docker, systemd, pipes). */
export function logFormatFor(setting: LogFormat | 'auto', isTerminal: boolean): LogFormat {
  return setting === 'auto' ? (isTerminal ? 'pretty' : 'json') : setting;
}

/**
 * A logger on stderr (stdout stays free for CLI output), as JSON lines or, `pretty`, as readable
 * lines with local times (in colour on a terminal). The bot token is redacted wherever it appears.
 */
export function createLogger(level: string, secrets: readonly string[] = [], destination?: pino.DestinationStream, format: LogFormat = 'json'): Logger {
  const hidden = secrets.filter((secret) => secret.length > 0);
  const out = format === 'json' ? (destination ?? pino.destination(2)) : PinoPretty({
    // File descriptor 2 is stderr; colour only when that is a terminal.
    destination: (destination as NodeJS.WritableStream | undefined) ?? 2,
    sync: true,
    colorize: destination === undefined && process.stderr.isTTY === true,
    translateTime: 'SYS:yyyy-mm-dd HH:MM:ss',
    singleLine: true,
  });
  return pino({
    level,
    base: undefined,
    hooks: {
      // Redact secrets inside any string argument (messages, error texts, URLs carrying the token).
      logMethod(args, method) {
        const scrubbed = hidden.length === 0 ? args : args.map((arg) => scrub(arg, hidden));
        return method.apply(this, scrubbed as Parameters<typeof method>);
      },
    },
  }, out);
}

/** The process's logger as the configuration asks for it (its level, its format), hiding the bot token. */
export function createConfiguredLogger(config: { readonly logLevel: string; readonly logFormat: LogFormat | 'auto'; readonly botToken: string | null }, level = config.logLevel): Logger {
  const format = logFormatFor(config.logFormat, process.stderr.isTTY === true);
  return createLogger(level, config.botToken ? [config.botToken] : [], undefined, format);
}

/** A logger that writes nothing, for tests and benchmarks. */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}

/**
 * A copy of a log argument with every secret replaced, keeping its shape: errors stay errors (with
 * name, message and stack, wherever they are nested), cycles are cut instead of throwing.
 */
function scrub(value: unknown, secrets: readonly string[], seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return secrets.reduce((text, secret) => text.split(secret).join('[redacted]'), value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (value instanceof Error) {
    const copy = new Error(scrub(value.message, secrets, seen) as string);
    copy.name = value.name;
    copy.stack = scrub(value.stack ?? '', secrets, seen) as string;
    for (const [key, field] of Object.entries(value)) (copy as unknown as Record<string, unknown>)[key] = scrub(field, secrets, seen);
    return copy;
  }
  if (Array.isArray(value)) return value.map((item) => scrub(item, secrets, seen));
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, scrub(field, secrets, seen)]));
}
