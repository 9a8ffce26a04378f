import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { createLogger, logFormatFor } from '../../src/log.js';

const TOKEN = '123456789:SECRET-token-value_abcdefghij';

function capture(): { lines: Record<string, unknown>[]; stream: { write(line: string): void } } {
  const lines: Record<string, unknown>[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) } };
}

describe('createLogger', () => {
  it('redacts the token in messages, nested fields and errors, and keeps the error details', () => {
    const { lines, stream } = capture();
    const logger = createLogger('info', [TOKEN], stream);
    const error = new Error(`fetch failed for https://api.telegram.org/bot${TOKEN}/getMe`);
    logger.error({ err: error, update: { url: `https://x/bot${TOKEN}/y`, id: 7 } }, `call with ${TOKEN} failed`);
    const [line] = lines;
    const text = JSON.stringify(line);
    expect(text).not.toContain(TOKEN);
    expect(line?.msg).toBe('call with [redacted] failed');
    expect(line?.err).toMatchObject({ type: 'Error', message: 'fetch failed for https://api.telegram.org/bot[redacted]/getMe' });
    expect(String((line?.err as { stack?: string }).stack)).toContain('log.test.ts');
    expect(line?.update).toEqual({ url: 'https://x/bot[redacted]/y', id: 7 });
  });

  it('logs a circular object instead of throwing', () => {
    const { lines, stream } = capture();
    const logger = createLogger('info', [TOKEN], stream);
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    expect(() => logger.info({ loop }, 'still logs')).not.toThrow();
    expect(lines[0]?.loop).toEqual({ name: 'loop', self: '[circular]' });
  });
});

describe('the pretty format', () => {
  it('writes one readable line per entry, still without the token', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(chunk.toString()), done()) });
    const logger = createLogger('info', [TOKEN], sink, 'pretty');
    logger.warn({ feed_id: 'nos' }, `poll of ${TOKEN} failed`);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] WARN: poll of \[redacted\] failed \{"feed_id":"nos"\}\n$/);
    expect(lines[0]).not.toContain(TOKEN);
  });

  it('is what LOG_FORMAT=auto picks on a terminal, and JSON elsewhere', () => {
    expect(logFormatFor('auto', true)).toBe('pretty');
    expect(logFormatFor('auto', false)).toBe('json');
    expect(logFormatFor('json', true)).toBe('json');
    expect(logFormatFor('pretty', false)).toBe('pretty');
  });
});
