import { pino } from 'pino';

/** The logger every adapter and job receives; pino's shape, so tests can pass a silent one. */
export type Logger = pino.Logger;

/** A JSON logger on stderr (stdout stays free for CLI output). The bot token is redacted wherever it appears. */
export function createLogger(level: string, secrets: readonly string[] = []): Logger {
  const hidden = secrets.filter((secret) => secret.length > 0);
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
  }, pino.destination(2));
}

/** A logger that writes nothing, for tests and benchmarks. */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}

function scrub(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return secrets.reduce((text, secret) => text.split(secret).join('[redacted]'), value);
  if (value instanceof Error) {
    const copy = new Error(scrub(value.message, secrets) as string);
    copy.name = value.name;
    copy.stack = scrub(value.stack ?? '', secrets) as string;
    return copy;
  }
  if (value !== null && typeof value === 'object') {
    return JSON.parse(scrub(JSON.stringify(value), secrets) as string) as unknown;
  }
  return value;
}
