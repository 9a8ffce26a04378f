import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config.js';

describe('parseConfig', () => {
  it('gives every setting a default so an empty environment is valid', () => {
    const config = parseConfig({});
    expect(config.botToken).toBeNull();
    expect(config.feedsFile).toBe('./feeds.json');
    expect(config.databasePath).toBe('./data/newsbrief.db');
    expect(config.telegramApiRoot).toBe('https://api.telegram.org');
    expect(config.webhook).toBeNull();
    expect(config.briefBudget).toEqual({ maxSentences: 3, maxWords: 60, maxChars: 400 });
    expect(config.retentionDays).toBe(30);
  });

  it('derives the database path from DATA_DIR unless DATABASE_PATH is set', () => {
    expect(parseConfig({ DATA_DIR: '/var/lib/nb/' }).databasePath).toBe('/var/lib/nb/newsbrief.db');
    expect(parseConfig({ DATA_DIR: '/x', DATABASE_PATH: '/y/z.db' }).databasePath).toBe('/y/z.db');
  });

  it('reads admin ids, numbers and the webhook', () => {
    const config = parseConfig({
      ADMIN_IDS: '12, 34 56',
      SEND_RATE_PER_SECOND: '30',
      WEBHOOK_URL: 'https://bot.example.org/hook',
      WEBHOOK_SECRET: 's3cret',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/',
    });
    expect(config.adminIds).toEqual([12, 34, 56]);
    expect(config.sendRatePerSecond).toBe(30);
    expect(config.webhook).toEqual({ url: 'https://bot.example.org/hook', secret: 's3cret', port: 8080 });
    expect(config.telegramApiRoot).toBe('http://127.0.0.1:8081');
  });

  it('sends up to four Bot API calls at once unless SEND_MAX_IN_FLIGHT says otherwise (at least one)', () => {
    expect(parseConfig({}).sendMaxInFlight).toBe(4);
    expect(parseConfig({ SEND_MAX_IN_FLIGHT: '1' }).sendMaxInFlight).toBe(1);
    expect(() => parseConfig({ SEND_MAX_IN_FLIGHT: '0' })).toThrow(/SEND_MAX_IN_FLIGHT/);
  });

  it('reads the retention period in whole days, at least one', () => {
    expect(parseConfig({ RETENTION_DAYS: '90' }).retentionDays).toBe(90);
    expect(() => parseConfig({ RETENTION_DAYS: '0' })).toThrow(/RETENTION_DAYS/);
  });

  it('sends a quiet-day line only when DIGEST_QUIET_DAY is switched on', () => {
    expect(parseConfig({}).digest.quietDay).toBe(false);
    expect(parseConfig({ DIGEST_QUIET_DAY: 'true' }).digest.quietDay).toBe(true);
    expect(parseConfig({ DIGEST_QUIET_DAY: '1' }).digest.quietDay).toBe(true);
    expect(parseConfig({ DIGEST_QUIET_DAY: 'false' }).digest.quietDay).toBe(false);
    expect(() => parseConfig({ DIGEST_QUIET_DAY: 'sometimes' })).toThrow(/DIGEST_QUIET_DAY/);
  });

  it('reads LOG_FORMAT: auto by default, json or pretty when asked, nothing else', () => {
    expect(parseConfig({}).logFormat).toBe('auto');
    expect(parseConfig({ LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
    expect(() => parseConfig({ LOG_FORMAT: 'fancy' })).toThrow(/LOG_FORMAT/);
  });

  it('reads LOG_LEVEL, LOG_FORMAT and DEFAULT_LANGUAGE in any case, and lists the words they take when refused', () => {
    const config = parseConfig({ LOG_LEVEL: 'INFO', LOG_FORMAT: ' Json', DEFAULT_LANGUAGE: 'NL' });
    expect([config.logLevel, config.logFormat, config.defaults.language]).toEqual(['info', 'json', 'nl']);
    let problems: readonly string[] = [];
    try {
      parseConfig({ LOG_LEVEL: 'loud', LOG_FORMAT: 'text', DEFAULT_LANGUAGE: 'es' });
    } catch (error) {
      problems = (error as ConfigError).problems;
    }
    expect(problems).toEqual([
      'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
      'LOG_FORMAT: must be one of auto, json, pretty (got "text")',
      'DEFAULT_LANGUAGE: must be one of nl, en, de, fr (got "es")',
    ]);
  });

  it('lists every bad variable at once, by name', () => {
    let caught: unknown;
    try {
      parseConfig({ LOG_LEVEL: 'loud', ADMIN_IDS: '12,abc', DEFAULT_TIMEZONE: 'Mars/Olympus', DEFAULT_DIGEST_TIME: '25:00', BOT_TOKEN: 'nope' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems.join('\n');
    for (const name of ['LOG_LEVEL', 'ADMIN_IDS', 'DEFAULT_TIMEZONE', 'DEFAULT_DIGEST_TIME', 'BOT_TOKEN']) {
      expect(problems).toContain(`${name}:`);
    }
    expect(problems).toContain('abc');
    expect(problems).toContain('DEFAULT_TIMEZONE: not an IANA time zone name (got "Mars/Olympus")');
    expect(problems).not.toContain('nope');
  });

  it('says in words why a number is refused, quoting the value as it was typed', () => {
    let caught: unknown;
    try {
      parseConfig({ BRIEF_MAX_SENTENCES: 'x', POLL_INTERVAL_MINUTES: '7.5', BRIEF_MAX_WORDS: '2' });
    } catch (error) {
      caught = error;
    }
    expect((caught as ConfigError).problems).toEqual([
      'POLL_INTERVAL_MINUTES: not a whole number (got "7.5")',
      'BRIEF_MAX_SENTENCES: not a number (got "x")',
      'BRIEF_MAX_WORDS: must be at least 5 (got "2")',
    ]);
  });

  it('takes integers in plain decimal digits only: 1e3 and 0x50 are not a port', () => {
    let caught: unknown;
    try {
      parseConfig({ PORT: '1e3', FETCH_PER_HOST: '0x50', POLL_INTERVAL_MINUTES: '+5' });
    } catch (error) {
      caught = error;
    }
    expect((caught as ConfigError).problems).toEqual([
      'PORT: not written in plain decimal digits (such as 1000) (got "1e3")',
      'POLL_INTERVAL_MINUTES: not written in plain decimal digits (such as 5) (got "+5")',
      'FETCH_PER_HOST: not written in plain decimal digits (such as 80) (got "0x50")',
    ]);
    expect(parseConfig({ WEBHOOK_URL: 'https://bot.example.org/hook', PORT: '0080' }).webhook?.port).toBe(80);
  });

  it('says only that a 20-digit number is too large, not that it is not a whole number', () => {
    expect(() => parseConfig({ FETCH_MAX_BYTES: '12345678901234567890' })).toThrow(
      new ConfigError('environment', ['FETCH_MAX_BYTES: must be at most 9007199254740991 (got "12345678901234567890")']),
    );
  });

  it('refuses numbers past what they can mean: a port above 65535, a timer that would overflow, an interval past a day', () => {
    expect(parseConfig({ PORT: '65535' }).webhook).toBeNull();
    let caught: unknown;
    try {
      parseConfig({ PORT: '70000', FETCH_TIMEOUT_MS: '2147483648', POLL_INTERVAL_MINUTES: '1441' });
    } catch (error) {
      caught = error;
    }
    expect((caught as ConfigError).problems).toEqual([
      'PORT: must be at most 65535 (got "70000")',
      'POLL_INTERVAL_MINUTES: must be at most 1440 (got "1441")',
      'FETCH_TIMEOUT_MS: must be at most 2147483647 (got "2147483648")',
    ]);
    expect(parseConfig({ WEBHOOK_URL: 'https://bot.example.org/hook', PORT: '65535' }).webhook?.port).toBe(65535);
  });

  it('never repeats the value of a token, a secret or a URL that may carry one', () => {
    let caught: unknown;
    try {
      parseConfig({ BOT_TOKEN: 'hunter2', WEBHOOK_SECRET: 'hunter2 with spaces', WEBHOOK_URL: 'http://x.example/bot123:hunter2', TELEGRAM_API_ROOT: 'ftp://hunter2@x' });
    } catch (error) {
      caught = error;
    }
    const problems = (caught as ConfigError).problems;
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).not.toContain('hunter2');
  });

  it('reads a value as meant when an env file leaves spaces or quotes around it, and a blank one as not set', () => {
    // `docker run --env-file` passes quotes on as part of the value; an editor leaves a trailing space.
    const config = parseConfig({
      DEFAULT_DIGEST_TIME: "'07:00'",
      DEFAULT_TIMEZONE: ' "Europe/Berlin" ',
      BOT_TOKEN: '"123456:abcdefghijklmnopqrstuvwxyz"',
      DIGEST_QUIET_DAY: 'true ',
      FEEDS_FILE: "'./my feeds.json'",
      DATA_DIR: '/srv/nb ',
      POLL_INTERVAL_MINUTES: '" 20 "',
    });
    expect(config.defaults).toMatchObject({ digestTime: '07:00', timezone: 'Europe/Berlin' });
    expect(config.botToken).toBe('123456:abcdefghijklmnopqrstuvwxyz');
    expect(config.digest.quietDay).toBe(true);
    expect(config.feedsFile).toBe('./my feeds.json');
    expect(config.databasePath).toBe('/srv/nb/newsbrief.db');
    expect(config.pollIntervalMinutes).toBe(20);
    // A blank number was read as 0 (no catch-up at all) or refused as "at least 1"; blank means the default.
    expect(parseConfig({ DIGEST_CATCHUP_HOURS: ' ', POLL_INTERVAL_MINUTES: '  ', DATABASE_PATH: ' ', DEFAULT_TIMEZONE: "''" })).toMatchObject({
      digest: { catchUpHours: 3 },
      pollIntervalMinutes: 15,
      databasePath: './data/newsbrief.db',
      defaults: { timezone: 'Europe/Amsterdam' },
    });
  });

  it('quotes a refused value as it reads once spaces and quotes are dropped', () => {
    expect(() => parseConfig({ DEFAULT_DIGEST_TIME: "'7.30'" })).toThrow('DEFAULT_DIGEST_TIME: must be HH:MM (got "7.30")');
  });

  it('refuses a path starting with ~, which only a shell expands: an env file\'s DATA_DIR=~/nb made a folder named ~', () => {
    let caught: unknown;
    try {
      parseConfig({ DATA_DIR: '~/nb', FEEDS_FILE: '~/feeds.json', DATABASE_PATH: '~bob/nb.db' });
    } catch (error) {
      caught = error;
    }
    expect((caught as ConfigError).problems).toEqual([
      'FEEDS_FILE: starts with ~, which only a shell expands; write the full path (got "~/feeds.json")',
      'DATA_DIR: starts with ~, which only a shell expands; write the full path (got "~/nb")',
      'DATABASE_PATH: starts with ~, which only a shell expands; write the full path (got "~bob/nb.db")',
    ]);
    expect(parseConfig({ DATA_DIR: './data~old' }).databasePath).toBe('./data~old/newsbrief.db');
  });

  it('keeps a time zone as the time zone database spells it, whatever case it was typed in', () => {
    expect(parseConfig({ DEFAULT_TIMEZONE: 'europe/amsterdam' }).defaults.timezone).toBe('Europe/Amsterdam');
    expect(parseConfig({ DEFAULT_TIMEZONE: 'utc' }).defaults.timezone).toBe('UTC');
  });

  it('freezes the result so nothing downstream can change it', () => {
    expect(Object.isFrozen(parseConfig({}))).toBe(true);
  });
});
