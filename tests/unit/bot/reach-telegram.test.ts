import { Writable } from 'node:stream';
import { TelegramError } from 'telegraf';
import { describe, expect, it } from 'vitest';
import { reachTelegram, unreachableReason } from '../../../src/bot/reach-telegram.js';
import { createLogger } from '../../../src/log.js';

/** A logger whose lines are kept, to read what an operator would see. */
function recordingLogger(secret: string, level = 'warn') {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(chunk.toString()), done()) });
  return { logger: createLogger(level, [secret], sink), lines };
}

/** An error as node-fetch reports a refused connection, its message carrying the URL with the token. */
function refused(token: string): Error {
  return Object.assign(new Error(`request to http://127.0.0.1:9/bot${token}/getMe failed, reason: connect ECONNREFUSED`), {
    name: 'FetchError', type: 'system', code: 'ECONNREFUSED',
  });
}

const rejected = (code: number, description: string) => new TelegramError({ error_code: code, description });

describe('reachTelegram', () => {
  it('tries again while Telegram cannot be reached, doubling the wait, and returns the answer', async () => {
    const { logger, lines } = recordingLogger('1:SECRET');
    const failures = [refused('1:SECRET'), rejected(502, 'Bad Gateway'), refused('1:SECRET')];
    let calls = 0;
    const answer = await reachTelegram(async () => {
      calls += 1;
      const failure = failures.shift();
      if (failure) throw failure;
      return 'me';
    }, { logger, apiRoot: 'http://127.0.0.1:9', firstDelayMs: 2, maxDelayMs: 4 });
    expect(answer).toBe('me');
    expect(calls).toBe(4);
    const logged = lines.map((line) => JSON.parse(line) as { msg: string; retry_in_ms: number });
    expect(logged.map((line) => line.retry_in_ms)).toEqual([2, 4, 4]);
    expect(logged[0]?.msg).toBe('bot: cannot reach Telegram at http://127.0.0.1:9 (ECONNREFUSED); trying again in 2 ms');
    expect(logged[1]?.msg).toContain('(the Bot API answered 502: Bad Gateway)');
    expect(lines.join('')).not.toContain('SECRET');
  });

  it('says once that Telegram cannot be reached, however many tries the same reason fails, and when it answers', async () => {
    const { logger, lines } = recordingLogger('1:SECRET', 'info');
    let calls = 0;
    const answer = await reachTelegram(async () => {
      calls += 1;
      if (calls <= 6) throw refused('1:SECRET');
      return 'me';
    }, { logger, apiRoot: 'http://127.0.0.1:9', firstDelayMs: 1, maxDelayMs: 2 });
    expect(answer).toBe('me');
    const logged = lines.map((line) => JSON.parse(line) as { level: number; msg: string });
    expect(logged.map((line) => line.msg)).toEqual([
      'bot: cannot reach Telegram at http://127.0.0.1:9 (ECONNREFUSED); trying again in 1 ms',
      'bot: reached Telegram at http://127.0.0.1:9 after 7 tries',
    ]);
  });

  it('fails at once when Telegram refuses the token', async () => {
    const { logger, lines } = recordingLogger('1:SECRET');
    let calls = 0;
    const call = async () => {
      calls += 1;
      throw rejected(401, 'Unauthorized');
    };
    await expect(reachTelegram(call, { logger, apiRoot: 'x', firstDelayMs: 1 })).rejects.toThrow('Unauthorized');
    expect(calls).toBe(1);
    expect(lines).toEqual([]);
  });

  it('stops waiting when shutdown aborts', async () => {
    const { logger } = recordingLogger('1:SECRET');
    const stop = new AbortController();
    const waiting = reachTelegram(async () => {
      throw refused('1:SECRET');
    }, { logger, apiRoot: 'x', signal: stop.signal, firstDelayMs: 60_000 });
    setTimeout(() => stop.abort(), 5);
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('unreachableReason', () => {
  it('names network failures and Bot API outages, and nothing else', () => {
    expect(unreachableReason(refused('t'))).toBe('ECONNREFUSED');
    expect(unreachableReason(Object.assign(new Error('timeout'), { name: 'FetchError', type: 'request-timeout' }))).toBe('request-timeout');
    expect(unreachableReason(Object.assign(new Error('getaddrinfo'), { code: 'EAI_AGAIN' }))).toBe('EAI_AGAIN');
    expect(unreachableReason(rejected(429, 'Too Many Requests: retry after 3'))).toBe('the Bot API answered 429: Too Many Requests: retry after 3');
    expect(unreachableReason(rejected(404, 'Not Found'))).toBeNull();
    expect(unreachableReason(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBeNull();
  });
});
