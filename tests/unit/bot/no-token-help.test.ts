import { describe, expect, it } from 'vitest';
import { NO_TOKEN_HELP } from '../../../src/bot/no-token-help.js';

describe('the help printed when BOT_TOKEN is missing', () => {
  it('explains how to get a token and how to try the bot without Telegram', () => {
    expect(NO_TOKEN_HELP).toContain('@BotFather');
    expect(NO_TOKEN_HELP).toContain('/newbot');
    expect(NO_TOKEN_HELP).toContain('npx newsbrief chat');
  });
});
