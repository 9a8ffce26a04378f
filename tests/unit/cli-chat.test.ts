import { describe, expect, it } from 'vitest';
import { readUserId } from '../../src/cli/chat.js';
import { UsageError } from '../../src/cli/run-cli.js';

describe('readUserId (newsbrief chat --user)', () => {
  it('reads a Telegram user id', () => {
    expect(readUserId('1')).toBe(1);
    expect(readUserId('123456789')).toBe(123456789);
  });

  it.each(['abc', '', '0', '1.5', '-7', '1e3', '0x10', '99999999999999999999'])('refuses %j, saying what it needs', (text) => {
    expect(() => readUserId(text)).toThrow(UsageError);
    expect(() => readUserId(text)).toThrow(`chat: --user must be a numeric Telegram user id (a whole number above 0), not ${JSON.stringify(text)}`);
  });
});
