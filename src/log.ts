import { pino } from 'pino';

/** The logger every adapter and job receives; pino's shape, so tests can pass a silent one. */
export type Logger = pino.Logger;

/** A JSON logger on stderr (stdout stays free for CLI output). The bot token is redacted wherever it appears. */
export function createLogger(level: string, secrets: readonly string[] = [], destination: pino.DestinationStream = pino.destination(2)): Logger {
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
  }, destination);
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
